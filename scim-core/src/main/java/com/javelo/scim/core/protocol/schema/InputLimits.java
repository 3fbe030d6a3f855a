package com.javelo.scim.core.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enforces the limits the attribute definitions declare ({@link AttributeDefinition#maxLength()},
 * {@link AttributeDefinition#maxValues()}) and refuses NUL (U+0000) in any string, on every input
 * before it reaches a store: POST and PUT bodies, the document a PATCH produces, memberships and a
 * company's name. So a value the columns cannot hold is the same 400 {@code invalidValue} on H2,
 * PostgreSQL and in memory, and names the attribute and its limit, never the value.
 *
 * <p>Members the definitions do not know are only checked for NUL: the readers ignore them.
 */
public final class InputLimits {

    private InputLimits() {}

    /** Checks a User document: its core attributes and its Enterprise User extension. */
    public static void checkUser(JsonNode document) {
        checkResource(document, ScimSchemas.USER, List.of(ScimSchemas.ENTERPRISE_USER));
    }

    /** Checks a Group document. */
    public static void checkGroup(JsonNode document) {
        checkResource(document, ScimSchemas.GROUP, List.of());
    }

    /** Checks the members a group PATCH adds (their ids) and the labels it gives them. */
    public static void checkMembers(Iterable<String> ids, Map<String, String> displays) {
        AttributeDefinition members = ScimSchemas.GROUP.attribute("members").orElseThrow();
        AttributeDefinition value = members.subAttribute("value").orElseThrow();
        AttributeDefinition display = members.subAttribute("display").orElseThrow();
        for (String id : ids) {
            checkString(value, id, "members.value");
        }
        for (String label : displays.values()) {
            checkString(display, label, "members.display");
        }
    }

    /** Checks one value against its definition, e.g. a company's name against {@link ScimSchemas#TENANT_NAME}. */
    public static void checkString(AttributeDefinition attribute, String value, String path) {
        if (value == null) {
            return;
        }
        if (value.indexOf('\u0000') >= 0) {
            throw nul(path);
        }
        attribute.maxLength().ifPresent(limit -> {
            if (value.length() > limit) {
                throw ScimErrors.invalidValue("attribute '" + path + "' is longer than its limit of " + limit
                        + " characters (" + value.length() + " given)");
            }
        });
    }

    private static void checkResource(JsonNode document, SchemaDefinition core, List<SchemaDefinition> extensions) {
        if (document == null || !document.isObject()) {
            return; // the reader reports the shape
        }
        Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkName(field.getKey());
            Optional<SchemaDefinition> extension = extensions.stream()
                    .filter(schema -> schema.id().equalsIgnoreCase(field.getKey()))
                    .findFirst();
            if (extension.isPresent() && field.getValue().isObject()) {
                checkAttributes(
                        field.getValue(), extension.get(), extension.get().id() + ":");
            } else {
                checkMember(core.attribute(field.getKey()), field.getValue(), field.getKey(), "");
            }
        }
    }

    private static void checkAttributes(JsonNode object, SchemaDefinition schema, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkName(field.getKey());
            checkMember(schema.attribute(field.getKey()), field.getValue(), field.getKey(), prefix);
        }
    }

    private static void checkMember(
            Optional<AttributeDefinition> attribute, JsonNode value, String name, String prefix) {
        if (attribute.isPresent()) {
            checkValue(attribute.get(), value, prefix + attribute.get().name());
        } else {
            checkNoNul(value, prefix + name);
        }
    }

    private static void checkValue(AttributeDefinition attribute, JsonNode node, String path) {
        if (node.isArray()) {
            attribute.maxValues().ifPresent(limit -> {
                if (node.size() > limit) {
                    throw ScimErrors.invalidValue(
                            "attribute '" + path + "' has " + node.size() + " values; its limit is " + limit);
                }
            });
            for (JsonNode element : node) {
                checkElement(attribute, element, path);
            }
        } else {
            checkElement(attribute, node, path);
        }
    }

    private static void checkElement(AttributeDefinition attribute, JsonNode node, String path) {
        if (node.isTextual()) {
            // A bare string stands for a complex value's `value` (the readers accept the shorthand).
            Optional<AttributeDefinition> value =
                    attribute.isComplex() ? attribute.subAttribute("value") : Optional.of(attribute);
            if (value.isPresent()) {
                checkString(value.get(), node.textValue(), attribute.isComplex() ? path + ".value" : path);
            } else {
                checkNoNul(node, path);
            }
        } else if (node.isObject() && attribute.isComplex()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkName(field.getKey());
                Optional<AttributeDefinition> sub = attribute.subAttribute(field.getKey());
                if (sub.isPresent()) {
                    checkValue(
                            sub.get(), field.getValue(), path + "." + sub.get().name());
                } else {
                    checkNoNul(field.getValue(), path + "." + field.getKey());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                checkElement(attribute, element, path);
            }
        } else {
            checkNoNul(node, path);
        }
    }

    private static void checkNoNul(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            throw nul(path);
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkName(field.getKey());
                checkNoNul(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                checkNoNul(element, path);
            }
        }
    }

    private static void checkName(String name) {
        if (name.indexOf('\u0000') >= 0) {
            throw ScimErrors.invalidValue(
                    "an attribute name contains a NUL character (U+0000), which no" + " attribute may hold");
        }
    }

    private static RuntimeException nul(String path) {
        return ScimErrors.invalidValue("attribute '" + path.replace("\u0000", "\\u0000")
                + "' contains a NUL character (U+0000), which no attribute may hold");
    }
}
