package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributeType;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.user.CustomAttributes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A company's declared attributes between SCIM JSON and the domain's {@link CustomAttributes}:
 * input is validated by the declared type (400 {@code invalidValue} naming the attribute and the
 * value) and kept in its canonical text; output gives each value its declared JSON type.
 */
public final class CustomAttributeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CustomAttributeJson() {}

    /**
     * @param value the JSON an IdP sent for {@code attribute} ({@code null}, {@code ""} and
     *     {@code []} clear it)
     * @return the values in canonical text form, none when cleared
     */
    public static List<String> read(AttributeDefinition attribute, JsonNode value) {
        String path = CustomSchema.URN + ":" + attribute.name();
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isArray()) {
            if (!attribute.multiValued() && value.size() > 1) {
                throw ScimErrors.invalidValue(
                        "attribute '" + path + "' is single-valued; got " + value.size() + " values");
            }
            for (JsonNode element : value) {
                one(attribute, path, element).ifPresent(texts::add);
            }
        } else {
            one(attribute, path, value).ifPresent(texts::add);
        }
        return texts;
    }

    private static Optional<String> one(AttributeDefinition attribute, String path, JsonNode node) {
        if (node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw refused(attribute, path, node);
        }
        String text = switch (attribute.type()) {
            case BOOLEAN ->
                node.isBoolean()
                        ? Boolean.toString(node.booleanValue())
                        : node.isTextual()
                                        && (node.textValue().equalsIgnoreCase("true")
                                                || node.textValue().equalsIgnoreCase("false"))
                                ? node.textValue().toLowerCase(java.util.Locale.ROOT)
                                : null;
            case INTEGER, DECIMAL ->
                node.isNumber()
                        ? node.decimalValue().toString()
                        : node.isTextual() ? node.textValue().strip() : null;
            case DATE_TIME, STRING, REFERENCE -> node.isTextual() ? node.textValue() : null;
            default -> null;
        };
        if (text == null || !CustomSchema.accepts(attribute.type(), text)) {
            throw refused(attribute, path, node);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw ScimErrors.invalidValue("attribute '" + path + "' contains the character U+0000");
        }
        if (attribute.type() == AttributeType.INTEGER) {
            text = new BigDecimal(text).toBigIntegerExact().toString();
        }
        return Optional.of(text);
    }

    private static RuntimeException refused(AttributeDefinition attribute, String path, JsonNode node) {
        String shown = node.toString();
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "…";
        }
        String expected = switch (attribute.type()) {
            case BOOLEAN -> "true or false";
            case INTEGER -> "an integer such as 42";
            case DECIMAL -> "a number such as 4.5";
            case DATE_TIME -> "an xsd:dateTime with an offset, such as \"2024-05-01T09:00:00Z\"";
            default -> "a string of at most " + CustomSchema.MAX_VALUE_LENGTH + " characters";
        };
        return ScimErrors.invalidValue(
                "attribute '" + path + "' is declared " + attribute.type().wireValue()
                        + (attribute.multiValued() ? " (multi-valued)" : "") + "; " + shown + " is not " + expected);
    }

    /** @return one stored value as its declared type's JSON */
    public static JsonNode node(AttributeType type, String text) {
        try {
            return switch (type) {
                case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(text));
                case INTEGER -> NODES.numberNode(new BigDecimal(text).toBigIntegerExact());
                case DECIMAL -> NODES.numberNode(new BigDecimal(text));
                default -> NODES.textNode(text);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            return NODES.textNode(text); // a value the declaration no longer types: shown as kept
        }
    }

    /**
     * @return the declared attributes that have values, as the extension's object (empty when
     *     none); values of attributes not declared any more are hidden
     */
    public static ObjectNode write(CustomAttributes custom, CustomSchema schema) {
        ObjectNode object = NODES.objectNode();
        for (AttributeDefinition attribute : schema.attributes()) {
            custom.get(attribute.name()).ifPresent(values -> {
                if (attribute.multiValued()) {
                    ArrayNode array = object.putArray(attribute.name());
                    values.forEach(value -> array.add(node(attribute.type(), value)));
                } else {
                    object.set(attribute.name(), node(attribute.type(), values.get(0)));
                }
            });
        }
        return object;
    }

    /** @return the storage form: every value (hidden ones too) as text, by name */
    public static ObjectNode writeStored(CustomAttributes custom) {
        ObjectNode object = NODES.objectNode();
        custom.values().forEach((name, values) -> {
            ArrayNode array = object.putArray(name);
            values.forEach(array::add);
        });
        return object;
    }

    /** @return what {@link #writeStored} wrote */
    public static CustomAttributes readStored(JsonNode stored) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (stored != null && stored.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = stored.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<String> texts = new ArrayList<>();
                field.getValue().forEach(value -> texts.add(value.asText()));
                values.put(field.getKey(), texts);
            }
        }
        return new CustomAttributes(values);
    }
}
