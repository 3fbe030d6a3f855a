package com.javelo.scim.core.protocol.patch.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.PatchPath;
import com.javelo.scim.core.protocol.patch.PatchPathParser;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client: Microsoft Entra ID. Entra's compliant dialect ({@code ?aadOptscim062020}) puts paths, not attribute names, as the keys
 * of a path-less replace (docs/clients.md):
 * <pre>{@code
 * {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
 *    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}
 * }</pre>
 * Each such key becomes its own operation with that path, in key order; plain keys and whole
 * extension objects stay path-less:
 * <pre>{@code
 * {"op":"replace","value":{"displayName":"Bjfe"}}
 * {"op":"replace","path":"name.givenName","value":"Kkom"}
 * {"op":"replace","path":"name.familyName","value":"Unua"}
 * {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"Aklq"}
 * }</pre>
 * A key {@code urn:…} of an unknown schema is left alone (the patcher ignores it).
 */
public final class PathlessValueKeysAsPaths implements PatchQuirk {

    @Override
    public List<PatchOperation> normalise(PatchOperation operation, AttributeCharacteristics schema) {
        JsonNode value = operation.value();
        if (operation.hasPath() || operation.op() == PatchOp.REMOVE || value == null || !value.isObject()) {
            return List.of(operation);
        }
        boolean anyPath = false;
        Iterator<String> keys = value.fieldNames();
        while (keys.hasNext()) {
            anyPath |= asPath(keys.next(), schema).isPresent();
        }
        if (!anyPath) {
            return List.of(operation);
        }
        List<PatchOperation> split = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<PatchPath> path = asPath(field.getKey(), schema);
            if (path.isPresent()) {
                split.add(new PatchOperation(operation.op(), path.get(), field.getValue()));
            } else {
                JsonNode single = JsonNodeFactory.instance.objectNode().set(field.getKey(), field.getValue());
                split.add(new PatchOperation(operation.op(), null, single));
            }
        }
        return split;
    }

    private static Optional<PatchPath> asPath(String key, AttributeCharacteristics schema) {
        if (key.contains("[")) {
            return Optional.of(PatchPathParser.parse(key));
        }
        if (key.regionMatches(true, 0, "urn:", 0, 4)) {
            if (isSchema(key, schema)) {
                return Optional.empty();
            }
            int colon = key.lastIndexOf(':');
            String urn = key.substring(0, colon);
            String rest = key.substring(colon + 1);
            if (!isSchema(urn, schema) || rest.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(PatchPath.of(attributePath(urn, rest, key)));
        }
        if (key.contains(".")) {
            return Optional.of(PatchPath.of(attributePath(null, key, key)));
        }
        return Optional.empty();
    }

    private static boolean isSchema(String urn, AttributeCharacteristics schema) {
        return schema.isCoreUrn(urn) || schema.isExtensionUrn(urn);
    }

    private static AttributePath attributePath(String urn, String dotted, String key) {
        int dot = dotted.indexOf('.');
        String attribute = dot < 0 ? dotted : dotted.substring(0, dot);
        String sub = dot < 0 ? null : dotted.substring(dot + 1);
        if (attribute.isEmpty() || (sub != null && (sub.isEmpty() || sub.contains(".")))) {
            throw ScimErrors.invalidPath("'" + key + "' is not an attribute path such as 'name.givenName'");
        }
        return new AttributePath(urn, attribute, sub);
    }
}
