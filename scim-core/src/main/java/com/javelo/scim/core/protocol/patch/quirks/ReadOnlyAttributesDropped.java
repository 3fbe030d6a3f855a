package com.javelo.scim.core.protocol.patch.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.PatchPath;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients: Okta, and every IdP that echoes what it read. Drops every read-only attribute an
 * operation writes (RFC 7643 §2.2: read-only input is ignored, not refused). Okta renames a group
 * with the group's own id inside the value (docs/clients.md):
 * <pre>{@code
 * {"op":"replace","value":{"id":"<groupId>","displayName":"New Name"}}
 * }</pre>
 * and IdPs echo other read-only data they were given: {@code meta}, {@code groups},
 * {@code schemas}, {@code members[].display}, {@code members[].$ref},
 * {@code manager.displayName} (docs/clients.md). Those keys are dropped rather than rejected, as
 * are operations whose path is read-only; the example becomes
 * {@code {"op":"replace","value":{"displayName":"New Name"}}}. An operation left with nothing to
 * write disappears.
 */
public final class ReadOnlyAttributesDropped implements PatchQuirk {

    @Override
    public List<PatchOperation> normalise(PatchOperation operation, AttributeCharacteristics schema) {
        PatchPath path = operation.path();
        JsonNode value = operation.value();
        if (path != null) {
            AttributePath attribute = path.attribute();
            AttributePath target =
                    path.subAttribute() == null ? attribute : attribute.withSubAttribute(path.subAttribute());
            if (schema.isReadOnly(attribute.parent()) || schema.isReadOnly(target)) {
                return List.of();
            }
            if (value == null || target.hasSubAttribute() || !schema.isComplex(target)) {
                return List.of(operation);
            }
            JsonNode copy = value.deepCopy();
            dropReadOnlySubAttributes(target, copy, schema);
            return List.of(operation.withValue(copy));
        }
        if (value == null || !value.isObject()) {
            return List.of(operation);
        }
        ObjectNode copy = value.deepCopy();
        dropReadOnlyAttributes(null, copy, schema);
        return copy.isEmpty() ? List.of() : List.of(operation.withValue(copy));
    }

    private static void dropReadOnlyAttributes(String schemaUrn, ObjectNode object, AttributeCharacteristics schema) {
        for (String key : names(object)) {
            JsonNode child = object.get(key);
            if (schemaUrn == null && (schema.isExtensionUrn(key) || schema.isCoreUrn(key))) {
                if (child.isObject()) {
                    dropReadOnlyAttributes(key, (ObjectNode) child, schema);
                }
                continue;
            }
            AttributePath attribute = new AttributePath(schemaUrn, key, null);
            if (schema.isReadOnly(attribute)) {
                object.remove(key);
            } else if (schema.isComplex(attribute)) {
                dropReadOnlySubAttributes(attribute, child, schema);
            }
        }
    }

    private static void dropReadOnlySubAttributes(
            AttributePath attribute, JsonNode value, AttributeCharacteristics schema) {
        if (value.isArray()) {
            value.forEach(element -> dropReadOnlySubAttributes(attribute, element, schema));
            return;
        }
        if (!value.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) value;
        for (String key : names(object)) {
            if (schema.isReadOnly(attribute.withSubAttribute(key))) {
                object.remove(key);
            }
        }
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
