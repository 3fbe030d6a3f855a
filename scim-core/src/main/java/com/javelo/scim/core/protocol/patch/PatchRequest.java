package com.javelo.scim.core.protocol.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.CaseInsensitiveFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PATCH request body (RFC 7644 §3.5.2), read once: its {@link PatchOperation}s as sent (before
 * any IdP quirk is normalised) and the op names as written, which is all that the quirks reading
 * the request itself need ({@code quirks.EntraDefaultDialect}, {@code quirks.PatchMemberDisplays},
 * {@code quirks.LegacyStringMemberValues}). Member names are read case-insensitively
 * ({@code Operations}/{@code operations}, {@code op}/{@code Op}), op values too ({@link PatchOp});
 * a missing PatchOp URN in {@code schemas} is tolerated.
 *
 * <p>For example:
 * <pre>{@code
 * PatchRequest.parse(json("""
 *     {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *      "Operations":[{"op":"replace","value":{"active":false}}]}""")).operations();
 * }</pre>
 *
 * @param operations the operations in request order, as sent
 * @param writtenOps each operation's {@code op} exactly as written ({@code "Replace"}), same order
 */
public record PatchRequest(List<PatchOperation> operations, List<String> writtenOps) {

    public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public PatchRequest {
        operations = List.copyOf(operations);
        writtenOps = List.copyOf(writtenOps);
        if (operations.size() != writtenOps.size()) {
            throw new IllegalArgumentException("one written op per operation");
        }
    }

    /**
     * @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidSyntax} for a malformed
     *     body, {@code invalidValue} for an empty {@code Operations}, {@code invalidPath} for a bad path
     */
    public static PatchRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimErrors.invalidSyntax("a PATCH body must be a JSON object with \"schemas\":[\"" + PATCH_OP_URN
                    + "\"] and an \"Operations\" array");
        }
        JsonNode schemas = CaseInsensitiveFields.get(body, "schemas");
        if (schemas != null && !schemas.isNull() && !schemas.isArray()) {
            throw ScimErrors.invalidSyntax("'schemas' must be an array such as [\"" + PATCH_OP_URN + "\"]");
        }
        JsonNode operations = CaseInsensitiveFields.get(body, "Operations");
        if (operations == null || operations.isNull()) {
            throw ScimErrors.invalidSyntax("a PATCH body needs an \"Operations\" array");
        }
        if (!operations.isArray()) {
            throw ScimErrors.invalidSyntax("\"Operations\" must be an array of {\"op\", \"path\", \"value\"} objects");
        }
        if (operations.isEmpty()) {
            throw ScimErrors.invalidValue("\"Operations\" is empty; give at least one operation");
        }
        List<PatchOperation> parsed = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int index = 0; index < operations.size(); index++) {
            parsed.add(operation(operations.get(index), "Operations[" + index + "]"));
            written.add(Objects.requireNonNull(CaseInsensitiveFields.get(operations.get(index), "op"))
                    .textValue());
        }
        return new PatchRequest(parsed, written);
    }

    private static PatchOperation operation(JsonNode node, String where) {
        if (!node.isObject()) {
            throw ScimErrors.invalidSyntax(where + " must be an object with \"op\", \"path\" and \"value\"");
        }
        JsonNode opNode = CaseInsensitiveFields.get(node, "op");
        if (opNode == null || !opNode.isTextual()) {
            throw ScimErrors.invalidSyntax(where + " needs an \"op\": add, remove or replace");
        }
        Optional<PatchOp> op = PatchOp.fromWire(opNode.textValue());
        if (op.isEmpty()) {
            throw ScimErrors.invalidSyntax(
                    where + " has an unsupported op '" + opNode.textValue() + "'; use add, remove or replace");
        }
        PatchPath path = path(CaseInsensitiveFields.get(node, "path"), where);
        JsonNode value = CaseInsensitiveFields.get(node, "value");
        if (value == null && op.get() != PatchOp.REMOVE) {
            throw ScimErrors.invalidValue(where + " (" + op.get().wireValue() + ") needs a \"value\"");
        }
        return new PatchOperation(op.get(), path, value);
    }

    private static PatchPath path(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ScimErrors.invalidSyntax(where + " has a \"path\" that is not a string: " + node);
        }
        // some clients send "path": "" for a path-less operation
        return node.textValue().isBlank()
                ? null
                : PatchPathParser.parse(node.textValue().strip());
    }
}
