package com.javelo.scim.core.protocol.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One entry of a PATCH request's {@code Operations}. For example Okta's deactivation
 * {@code {"op":"replace","value":{"active":false}}} is {@code (REPLACE, null, {"active":false})}.
 *
 * @param op what to do
 * @param path where, or {@code null} for the resource itself
 * @param value the operation's value: {@code null} when the request had none (a remove), a JSON
 *     {@code null} node when it said {@code "value": null}
 */
public record PatchOperation(PatchOp op, PatchPath path, JsonNode value) {

    public PatchOperation {
        Objects.requireNonNull(op, "op");
    }

    public static PatchOperation of(PatchOp op, PatchPath path, JsonNode value) {
        return new PatchOperation(op, path, value);
    }

    public boolean hasPath() {
        return path != null;
    }

    public PatchOperation withValue(JsonNode newValue) {
        return new PatchOperation(op, path, newValue);
    }

    @Override
    public String toString() {
        return "{op: " + op.wireValue() + (path == null ? "" : ", path: " + PathText.of(path))
                + (value == null ? "" : ", value: " + value) + "}";
    }
}
