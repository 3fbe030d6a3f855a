package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributeType;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A company's schema-extension document and back:
 * {@code {"strict":false,"attributes":[{"name":"hireDate","type":"dateTime"},
 * {"name":"sites","type":"string","multiValued":true,"caseExact":false,"description":"…"}]}}.
 * A bad document is a 400 {@code invalidValue} naming the attribute and why.
 */
public final class CustomSchemaJson {

    private static final Set<String> ATTRIBUTE_MEMBERS =
            Set.of("name", "type", "multivalued", "caseexact", "description");

    private CustomSchemaJson() {}

    public static CustomSchema read(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw ScimErrors.invalidSyntax("a schema extension is a JSON object such as "
                    + "{\"attributes\":[{\"name\":\"level\",\"type\":\"string\"}]}");
        }
        Iterator<String> members = document.fieldNames();
        while (members.hasNext()) {
            String member = members.next();
            if (!member.equalsIgnoreCase("attributes")
                    && !member.equalsIgnoreCase("strict")
                    && !member.equalsIgnoreCase("schema")) {
                throw ScimErrors.invalidValue(
                        "unknown member '" + member + "'; a schema extension has 'attributes' " + "and 'strict'");
            }
        }
        Optional<JsonNode> strictNode = JsonFields.field(document, "strict");
        if (strictNode.isPresent() && !strictNode.get().isBoolean()) {
            throw ScimErrors.invalidValue("'strict' must be true or false");
        }
        boolean strict = strictNode.map(JsonNode::booleanValue).orElse(false);
        Optional<JsonNode> attributesNode = JsonFields.field(document, "attributes");
        if (attributesNode.isPresent() && !attributesNode.get().isArray()) {
            throw ScimErrors.invalidValue("'attributes' must be an array of {\"name\":…,\"type\":…}");
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int position = 0;
        for (JsonNode attribute : attributesNode.orElse(ScimJson.nodes().arrayNode())) {
            position++;
            AttributeDefinition definition = attribute(attribute, position);
            if (!names.add(definition.name().toLowerCase(Locale.ROOT))) {
                throw ScimErrors.invalidValue("attribute '" + definition.name() + "' is declared twice (names are "
                        + "compared ignoring case)");
            }
            attributes.add(definition);
        }
        if (attributes.size() > CustomSchema.MAX_ATTRIBUTES) {
            throw ScimErrors.invalidValue("a company declares at most " + CustomSchema.MAX_ATTRIBUTES + " attributes; "
                    + attributes.size() + " given");
        }
        return new CustomSchema(attributes, strict);
    }

    private static AttributeDefinition attribute(JsonNode node, int position) {
        if (!node.isObject()) {
            throw ScimErrors.invalidValue("attribute #" + position + " must be an object such as "
                    + "{\"name\":\"level\",\"type\":\"string\"}");
        }
        JsonNode nameNode = JsonFields.field(node, "name").orElse(null);
        if (nameNode == null || !nameNode.isTextual()) {
            throw ScimErrors.invalidValue("attribute #" + position + " needs a 'name'");
        }
        String name = nameNode.textValue();
        if (!CustomSchema.isAttributeName(name) || name.length() > CustomSchema.MAX_NAME_LENGTH) {
            throw ScimErrors.invalidValue("attribute '" + name + "': a name starts with a letter and holds only "
                    + "letters, digits, '-' and '_' (RFC 7643 §2.1), at most " + CustomSchema.MAX_NAME_LENGTH
                    + " characters");
        }
        node.fieldNames().forEachRemaining(member -> {
            if (!ATTRIBUTE_MEMBERS.contains(member.toLowerCase(Locale.ROOT))) {
                throw ScimErrors.invalidValue("attribute '" + name + "': unknown member '" + member + "'; known: name, "
                        + "type, multiValued, caseExact, description");
            }
        });
        JsonNode typeNode = JsonFields.field(node, "type").orElse(null);
        AttributeType type = typeNode == null || !typeNode.isTextual()
                ? null
                : Arrays.stream(AttributeType.values())
                        .filter(candidate -> CustomSchema.DECLARABLE_TYPES.contains(candidate)
                                && candidate.wireValue().equalsIgnoreCase(typeNode.textValue()))
                        .findFirst()
                        .orElse(null);
        if (type == null) {
            throw ScimErrors.invalidValue("attribute '" + name + "': 'type' must be one of string, boolean, integer, "
                    + "decimal, dateTime, reference; got " + (typeNode == null ? "none" : typeNode.toString()));
        }
        AttributeDefinition definition = AttributeDefinition.of(
                name, type, text(node, "description", name).orElse("Declared by the company."));
        if (flag(node, "multiValued", name)) {
            definition = definition.withMultiValued().withMaxValues(100);
        }
        if (flag(node, "caseExact", name)) {
            definition = definition.withCaseExact();
        }
        if (type == AttributeType.STRING || type == AttributeType.REFERENCE) {
            definition = definition.withMaxLength(CustomSchema.MAX_VALUE_LENGTH);
        }
        // Every declared attribute is filterable; a single-valued one is a sort key too.
        return definition.multiValued() ? definition.withFilterable() : definition.withSortable();
    }

    private static boolean flag(JsonNode node, String member, String name) {
        JsonNode value = JsonFields.field(node, member).orElse(null);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ScimErrors.invalidValue("attribute '" + name + "': '" + member + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static Optional<String> text(JsonNode node, String member, String name) {
        JsonNode value = JsonFields.field(node, member).orElse(null);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().length() > 1024) {
            throw ScimErrors.invalidValue(
                    "attribute '" + name + "': '" + member + "' must be a string of at most " + "1024 characters");
        }
        return Optional.of(value.textValue());
    }

    public static ObjectNode write(CustomSchema schema) {
        ObjectNode document = ScimJson.nodes().objectNode();
        document.put("schema", CustomSchema.URN);
        document.put("strict", schema.strict());
        ArrayNode attributes = document.putArray("attributes");
        for (AttributeDefinition attribute : schema.attributes()) {
            ObjectNode node = attributes.addObject();
            node.put("name", attribute.name());
            node.put("type", attribute.type().wireValue());
            node.put("multiValued", attribute.multiValued());
            node.put("caseExact", attribute.caseExact());
            node.put("description", attribute.description());
        }
        return document;
    }
}
