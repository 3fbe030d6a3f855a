package com.javelo.scim.core.protocol.patch.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.CaseInsensitiveFields;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.PatchPath;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Clients: Microsoft Entra ID (a bare string, an array of references, {@code ""}) and Okta (an
 * object holding an email). The enterprise {@code manager} is a complex {@code {"value":…}} (RFC 7643 §4.3), but arrives in
 * every shape (docs/clients.md):
 * <pre>{@code
 * {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"2c2f6fb8-…"}
 * {"op":"Add","path":"manager","value":[{"$ref":"http://…/Users/00aa…","value":"00aa…"}]}
 * {"op":"replace","path":"manager","value":{"value":"boss@acme.com"}}
 * {"op":"Replace","path":"manager","value":""}
 * {"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":"123456"}}}
 * }</pre>
 * Each becomes {@code {"value":"…"}} (the value is kept as sent: Okta sends an email, not an id;
 * an object's other members stay beside it).
 * {@code ""}, {@code null}, {@code []} and an object without a {@code value} clear the manager: a
 * {@code remove} of that path, or a {@code null} inside a path-less value.
 */
public final class ManagerShapes implements PatchQuirk {

    private static final String MANAGER = "manager";
    private static final String ENTERPRISE = ScimUserGroupCharacteristics.ENTERPRISE_USER_URN;

    @Override
    public List<PatchOperation> normalise(PatchOperation operation, AttributeCharacteristics schema) {
        if (operation.op() == PatchOp.REMOVE || operation.value() == null) {
            return List.of(operation);
        }
        PatchPath path = operation.path();
        if (path != null) {
            if (path.valueFilter() != null
                    || path.attribute().hasSubAttribute()
                    || !isManager(path.attribute(), schema)) {
                return List.of(operation);
            }
            return List.of(managerValue(operation.value())
                    .map(operation::withValue)
                    .orElseGet(() -> new PatchOperation(PatchOp.REMOVE, path, null)));
        }
        if (!operation.value().isObject()) {
            return List.of(operation);
        }
        ObjectNode copy = operation.value().deepCopy();
        for (String key : names(copy)) {
            if (key.equalsIgnoreCase(ENTERPRISE) && copy.get(key).isObject()) {
                normaliseInside((ObjectNode) copy.get(key), ENTERPRISE, schema);
            }
        }
        normaliseInside(copy, null, schema);
        return List.of(operation.withValue(copy));
    }

    private static void normaliseInside(ObjectNode object, String schemaUrn, AttributeCharacteristics schema) {
        Optional<String> key = CaseInsensitiveFields.actualName(object, MANAGER);
        if (key.isPresent() && isManager(new AttributePath(schemaUrn, key.get(), null), schema)) {
            JsonNode normalised = managerValue(object.get(key.get()))
                    .map(JsonNode.class::cast)
                    .orElse(JsonNodeFactory.instance.nullNode());
            object.set(key.get(), normalised);
        }
    }

    private static boolean isManager(AttributePath attribute, AttributeCharacteristics schema) {
        return attribute.attribute().equalsIgnoreCase(MANAGER)
                && schema.extensionUrnOf(attribute.parent())
                        .filter(ENTERPRISE::equalsIgnoreCase)
                        .isPresent();
    }

    /** @return {@code {"value":…}}, or empty when the input clears the manager */
    private static Optional<ObjectNode> managerValue(JsonNode given) {
        if (given == null || given.isNull()) {
            return Optional.empty();
        }
        if (given.isTextual() || given.isNumber()) {
            String text = given.asText().strip();
            return text.isEmpty()
                    ? Optional.empty()
                    : Optional.of(JsonNodeFactory.instance.objectNode().put("value", text));
        }
        if (given.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            given.forEach(element -> {
                if (!element.isNull()) {
                    values.add(element);
                }
            });
            if (values.size() > 1) {
                throw ScimErrors.invalidValue("'manager' is single-valued; got " + values.size() + " values");
            }
            return values.isEmpty() ? Optional.empty() : managerValue(values.get(0));
        }
        if (given.isObject()) {
            JsonNode value = CaseInsensitiveFields.get(given, "value");
            if (value != null && !value.isNull() && !value.isTextual() && !value.isNumber()) {
                throw ScimErrors.invalidValue(
                        "'manager.value' must be a string (the manager's id or email), not " + value);
            }
            if (value == null || value.isObject()) {
                return Optional.empty();
            }
            // Sub-attributes the manager does not define (an IdP's "since") go with the value, to be
            // carried (issue #15); the read-only echoes ($ref, displayName) and nulls do not.
            return managerValue(value).map(reference -> {
                given.fields().forEachRemaining(member -> {
                    if (!member.getValue().isNull()
                            && !member.getKey().startsWith("$")
                            && !member.getKey().equalsIgnoreCase("value")
                            && !member.getKey().equalsIgnoreCase("displayName")) {
                        reference.set(member.getKey(), member.getValue());
                    }
                });
                return reference;
            });
        }
        throw ScimErrors.invalidValue("'manager' must be {\"value\":\"<id or email>\"}, not " + given);
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
