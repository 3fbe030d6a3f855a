package com.javelo.scim.core.protocol.patch.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.patch.PatchPath;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Client: Microsoft Entra ID. Its default dialect sends booleans as strings (docs/clients.md):
 * <pre>{@code
 * {"op":"Replace","path":"active","value":"False"}
 * }</pre>
 * For every boolean attribute ({@code active}, {@code emails[].primary}…), with a path or inside a
 * path-less value, {@code "True"}/{@code "False"} in any case become JSON {@code true}/{@code false}:
 * the example becomes {@code {"op":"Replace","path":"active","value":false}}. Other strings are
 * left for the patcher to refuse.
 *
 * <p>{@link #read} is the one reading of such booleans, also for POST/PUT bodies
 * ({@code JsonFields.asBoolean}), filters evaluated in memory and the admin import's CSV.
 */
public final class BooleanStrings implements PatchQuirk {

    /** @return a JSON boolean, or a string {@code "true"}/{@code "false"} in any case, as a boolean; else empty */
    public static Optional<Boolean> read(JsonNode node) {
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        return node.isTextual() ? parse(node.textValue()) : Optional.empty();
    }

    /** @return {@code "true"}/{@code "False"}/{@code " TRUE "}… as a boolean; else empty */
    public static Optional<Boolean> parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        return word.equals("true") || word.equals("false") ? Optional.of(word.equals("true")) : Optional.empty();
    }

    @Override
    public List<PatchOperation> normalise(PatchOperation operation, AttributeCharacteristics schema) {
        if (operation.op() == PatchOp.REMOVE || operation.value() == null) {
            return List.of(operation);
        }
        JsonNode value = operation.value().deepCopy();
        PatchPath path = operation.path();
        if (path != null) {
            AttributePath target = path.subAttribute() == null
                    ? path.attribute()
                    : path.attribute().withSubAttribute(path.subAttribute());
            return List.of(operation.withValue(fix(target, value, schema)));
        }
        if (value.isObject()) {
            fixAttributes(null, (ObjectNode) value, schema);
        }
        return List.of(operation.withValue(value));
    }

    private static void fixAttributes(String schemaUrn, ObjectNode object, AttributeCharacteristics schema) {
        for (String key : names(object)) {
            JsonNode child = object.get(key);
            if (schemaUrn == null && (schema.isExtensionUrn(key) || schema.isCoreUrn(key))) {
                if (child.isObject()) {
                    fixAttributes(key, (ObjectNode) child, schema);
                }
            } else {
                object.set(key, fix(new AttributePath(schemaUrn, key, null), child, schema));
            }
        }
    }

    private static JsonNode fix(AttributePath path, JsonNode value, AttributeCharacteristics schema) {
        if (schema.isBoolean(path) && value.isTextual()) {
            return read(value).<JsonNode>map(BooleanNode::valueOf).orElse(value);
        }
        if (path.hasSubAttribute() || !schema.isComplex(path)) {
            return value;
        }
        if (value.isArray()) {
            value.forEach(element -> fixSubAttributes(path, element, schema));
        } else {
            fixSubAttributes(path, value, schema);
        }
        return value;
    }

    private static void fixSubAttributes(AttributePath attribute, JsonNode value, AttributeCharacteristics schema) {
        if (!value.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) value;
        for (String key : names(object)) {
            object.set(key, fix(attribute.withSubAttribute(key), object.get(key), schema));
        }
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
