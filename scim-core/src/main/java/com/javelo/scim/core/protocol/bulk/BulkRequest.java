package com.javelo.scim.core.protocol.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.JsonFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A BulkRequest message (RFC 7644 §3.7) read into operations, and the {@code bulkId:} references
 * (§3.7.2) found and substituted. Whole-request problems (not an object, no {@code Operations},
 * too many of them, a {@code bulkId} used twice, a bad {@code failOnErrors}) are thrown; an
 * operation's own problem is kept with it and answered in its place.
 *
 * @param failOnErrors errors after which processing stops, or {@code null} for none
 */
public record BulkRequest(Integer failOnErrors, List<BulkOperation> operations) {

    public static final String BULK_ID_PREFIX = "bulkId:";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * @throws com.javelo.scim.core.protocol.error.ScimException 413 over {@code maxOperations}
     *     (naming both limits), 400 for the whole-request problems above
     */
    public static BulkRequest read(JsonNode body, int maxOperations, long maxPayloadSize) {
        if (body == null || !body.isObject()) {
            throw ScimErrors.invalidSyntax(
                    "a bulk request must be a JSON object" + " (urn:ietf:params:scim:api:messages:2.0:BulkRequest)");
        }
        JsonNode operations = JsonFields.field(body, "Operations").orElse(null);
        if (operations == null || !operations.isArray()) {
            throw ScimErrors.invalidSyntax("a bulk request needs an 'Operations' array");
        }
        if (operations.size() > maxOperations) {
            throw ScimErrors.payloadTooLarge("The bulk request has " + operations.size()
                    + " operations; maxOperations is " + maxOperations + " (and maxPayloadSize " + maxPayloadSize
                    + " bytes). Split it into several requests.");
        }
        Integer failOnErrors = null;
        JsonNode fail = JsonFields.field(body, "failOnErrors").orElse(null);
        if (fail != null && !fail.isNull()) {
            if (!fail.canConvertToInt() || !fail.isIntegralNumber() || fail.intValue() < 1) {
                throw ScimErrors.invalidValue("'failOnErrors' must be an integer of at least 1, got " + fail);
            }
            failOnErrors = fail.intValue();
        }
        List<BulkOperation> read = new ArrayList<>();
        Set<String> bulkIds = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            BulkOperation operation = operation(i, operations.get(i));
            if (operation.bulkId() != null && !bulkIds.add(operation.bulkId())) {
                throw ScimErrors.invalidValue("bulkId '" + operation.bulkId() + "' is used by more than one operation"
                        + " (operation " + (i + 1) + "); each bulkId must be unique in a request.");
            }
            read.add(operation);
        }
        return new BulkRequest(failOnErrors, List.copyOf(read));
    }

    private static BulkOperation operation(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            return new BulkOperation(
                    index, null, null, null, null, null, Set.of(), "an operation must be a JSON object");
        }
        String method = text(node, "method");
        String path = text(node, "path");
        String bulkId = text(node, "bulkId");
        String version = text(node, "version");
        JsonNode data =
                JsonFields.field(node, "data").filter(value -> !value.isNull()).orElse(null);
        String upper = method == null ? null : method.strip().toUpperCase(Locale.ROOT);
        Set<String> references = new LinkedHashSet<>();
        collect(TextNode.valueOf(path == null ? "" : path), references, true);
        if (data != null) {
            collect(data, references, false);
        }
        String problem = null;
        if (upper == null || !METHODS.contains(upper)) {
            problem = "'method' must be POST, PUT, PATCH or DELETE, got "
                    + (method == null ? "none" : "'" + method + "'");
            upper = null;
        } else if (path == null || path.isBlank()) {
            problem = "'path' is required (e.g. /Users, or /Users/{id})";
        } else if ("POST".equals(upper) && (bulkId == null || bulkId.isBlank())) {
            problem = "a POST needs a 'bulkId' (RFC 7644 §3.7)";
        } else if (!"DELETE".equals(upper) && data == null) {
            problem = "a " + upper + " needs 'data'";
        }
        return new BulkOperation(index, upper, path, bulkId, version, data, Set.copyOf(references), problem);
    }

    private static String text(JsonNode node, String name) {
        return JsonFields.field(node, name)
                .filter(value -> !value.isNull())
                .map(JsonNode::asText)
                .orElse(null);
    }

    /** The bulkIds named by {@code "bulkId:<id>"} string values, or by a path segment. */
    private static void collect(JsonNode node, Set<String> references, boolean isPath) {
        if (node.isTextual()) {
            if (isPath) {
                for (String segment : node.textValue().split("/")) {
                    if (segment.startsWith(BULK_ID_PREFIX)) {
                        references.add(segment.substring(BULK_ID_PREFIX.length()));
                    }
                }
            } else if (node.textValue().startsWith(BULK_ID_PREFIX)) {
                references.add(node.textValue().substring(BULK_ID_PREFIX.length()));
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, references, false));
        }
    }

    /** @return {@code path} with each {@code bulkId:<id>} segment replaced by the id it created */
    public static String resolvePath(String path, Map<String, String> created) {
        StringBuilder resolved = new StringBuilder();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith(BULK_ID_PREFIX)) {
                segment = created.getOrDefault(segment.substring(BULK_ID_PREFIX.length()), segment);
            }
            resolved.append(i == 0 ? "" : "/").append(segment);
        }
        return resolved.toString();
    }

    /** @return a copy of {@code data} with every {@code "bulkId:<id>"} string replaced by the id it created */
    public static JsonNode resolveData(JsonNode data, Map<String, String> created) {
        if (data == null) {
            return null;
        }
        JsonNode copy = data.deepCopy();
        return replace(copy, created);
    }

    private static JsonNode replace(JsonNode node, Map<String, String> created) {
        if (node.isTextual() && node.textValue().startsWith(BULK_ID_PREFIX)) {
            String id = created.get(node.textValue().substring(BULK_ID_PREFIX.length()));
            return id == null ? node : TextNode.valueOf(id);
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                object.set(entry.getKey(), replace(entry.getValue(), created));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replace(array.get(i), created));
            }
        }
        return node;
    }
}
