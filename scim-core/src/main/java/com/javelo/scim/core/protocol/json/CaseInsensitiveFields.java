package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/**
 * Looks up JSON members by attribute name ignoring case, as RFC 7643 §2.1 asks of every SCIM
 * attribute name. For example {@code get(user, "USERNAME")} finds {@code "userName"}.
 */
public final class CaseInsensitiveFields {

    private CaseInsensitiveFields() {}

    /** @return the member's value (possibly JSON null), or {@code null} when absent or not an object */
    public static JsonNode get(JsonNode object, String name) {
        Optional<String> actual = actualName(object, name);
        return actual.isPresent() ? object.get(actual.get()) : null;
    }

    /** @return the member's name as spelled in the object, or empty */
    public static Optional<String> actualName(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        if (object.has(name)) {
            return Optional.of(name);
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return whether the node is absent, JSON null or the empty string (Entra clears attributes with both) */
    public static boolean isAbsentOrEmpty(JsonNode node) {
        return node == null
                || node.isNull()
                || node.isMissingNode()
                || (node.isTextual() && node.textValue().isEmpty());
    }
}
