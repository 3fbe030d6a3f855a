package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.patch.quirks.BooleanStrings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SCIM JSON the way RFC 7643 §2.1 asks: attribute names case-insensitively, and every value
 * checked for its JSON type with a detail that names the attribute. {@code null} and {@code ""}
 * read as absent (Entra clears attributes that way).
 */
public final class JsonFields {

    private JsonFields() {}

    /** @return the member named {@code name} ignoring case, or empty (also for JSON null) */
    public static Optional<JsonNode> field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact.isNull() ? Optional.empty() : Optional.of(exact);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().isNull() ? Optional.empty() : Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** @return whether the object has the member at all, even as null (PUT semantics need it) */
    public static boolean has(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return false;
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            if (names.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** @return a string value; blank strings read as absent; numbers are refused */
    public static String text(JsonNode object, String name, String attributePath) {
        Optional<JsonNode> value = field(object, name);
        if (value.isEmpty()) {
            return null;
        }
        JsonNode node = value.get();
        if (!node.isTextual()) {
            throw ScimErrors.invalidSyntax("attribute '" + attributePath + "' must be a string, got " + describe(node));
        }
        String text = node.textValue();
        return text.isBlank() ? null : text;
    }

    /** @return a boolean, accepting Entra's {@code "True"}/{@code "False"} strings in any case */
    public static Boolean bool(JsonNode object, String name, String attributePath) {
        Optional<JsonNode> value = field(object, name);
        if (value.isEmpty()) {
            return null;
        }
        return asBoolean(value.get(), attributePath);
    }

    public static Boolean asBoolean(JsonNode node, String attributePath) {
        Optional<Boolean> read = BooleanStrings.read(node);
        if (read.isPresent()) {
            return read.get();
        }
        if (node.isTextual() && node.textValue().isBlank()) {
            return null;
        }
        throw ScimErrors.invalidSyntax(
                "attribute '" + attributePath + "' must be a boolean (true or false), got " + describe(node));
    }

    /** @return the object value, or empty; refuses other JSON types */
    public static Optional<JsonNode> object(JsonNode object, String name, String attributePath) {
        Optional<JsonNode> value = field(object, name);
        if (value.isPresent() && !value.get().isObject()) {
            if (value.get().isTextual() && value.get().textValue().isBlank()) {
                return Optional.empty();
            }
            throw ScimErrors.invalidSyntax(
                    "attribute '" + attributePath + "' must be an object, got " + describe(value.get()));
        }
        return value;
    }

    /** @return the elements of an array value (a single object is read as a one-element array) */
    public static List<JsonNode> array(JsonNode object, String name, String attributePath) {
        Optional<JsonNode> value = field(object, name);
        if (value.isEmpty()) {
            return List.of();
        }
        JsonNode node = value.get();
        if (node.isObject()) {
            return List.of(node);
        }
        if (node.isTextual() && node.textValue().isBlank()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ScimErrors.invalidSyntax("attribute '" + attributePath + "' must be an array, got " + describe(node));
        }
        List<JsonNode> elements = new ArrayList<>();
        ((ArrayNode) node).forEach(elements::add);
        return elements;
    }

    /** @return the field name as present in the object ignoring case, or empty */
    public static Optional<String> actualName(ObjectNode object, String name) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
