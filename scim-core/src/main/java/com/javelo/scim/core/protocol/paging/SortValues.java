package com.javelo.scim.core.protocol.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.filter.InMemoryFilterEvaluator;
import com.javelo.scim.core.protocol.json.JsonFields;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.AttributeType;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.SchemaDefinition;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import java.util.Optional;

/**
 * Reads the value a resource is sorted by from its SCIM JSON, typed by the catalogue: what the
 * in-memory store sorts by, and what a sorted cursor carries for its last resource.
 *
 * <p>For example: {@code SortValues.of(user, AttributePath.of("meta.lastModified"), custom)} is a
 * {@link SortValue.DateTime}; a user without a {@code title} sorted by title gives
 * {@link SortValue#ABSENT}.
 */
public final class SortValues {

    private SortValues() {}

    /**
     * @param resource the resource's full SCIM JSON (not a projection)
     * @param path the checked sort attribute (declared attributes qualified with their URN)
     */
    public static SortValue of(JsonNode resource, AttributePath path, CustomSchema custom) {
        JsonNode node = find(resource, path);
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return SortValue.ABSENT;
        }
        AttributeType type = type(path, custom);
        switch (type) {
            case BOOLEAN -> {
                if (node.isBoolean()
                        || node.asText().equals("true")
                        || node.asText().equals("false")) {
                    return new SortValue.Bool(node.asBoolean());
                }
            }
            case INTEGER, DECIMAL -> {
                if (node.isNumber()) {
                    return new SortValue.Number(node.decimalValue());
                }
                Optional<java.math.BigDecimal> number = CustomSchema.decimal(node.asText());
                if (number.isPresent()) {
                    return new SortValue.Number(number.get());
                }
            }
            case DATE_TIME -> {
                Optional<java.time.Instant> instant = InMemoryFilterEvaluator.parseInstant(node);
                if (instant.isPresent()) {
                    return new SortValue.DateTime(instant.get());
                }
            }
            default -> {
                if (node.isNumber()) {
                    return new SortValue.Number(node.decimalValue());
                }
            }
        }
        return new SortValue.Text(node.asText());
    }

    private static JsonNode find(JsonNode resource, AttributePath path) {
        JsonNode scope = resource;
        if (path.schemaUrn() != null) {
            scope = JsonFields.field(resource, path.schemaUrn()).orElse(resource);
        }
        JsonNode node = JsonFields.field(scope, path.attribute()).orElse(null);
        if (node == null && path.schemaUrn() == null) {
            // An enterprise attribute named without its URN, as the SQL stores' columns take it.
            node = JsonFields.field(resource, ScimSchemas.ENTERPRISE_USER.id())
                    .flatMap(extension -> JsonFields.field(extension, path.attribute()))
                    .orElse(null);
        }
        if (node != null && node.isArray()) {
            node = node.size() == 0 ? null : node.get(0);
            if (node != null && path.subAttribute() == null) {
                node = JsonFields.field(node, "value").orElse(null);
            }
        }
        if (node != null && path.subAttribute() != null) {
            return JsonFields.field(node, path.subAttribute()).orElse(null);
        }
        if (node != null && node.isObject()) {
            // A complex attribute named alone (manager) sorts by its value, as SQL's manager column.
            return JsonFields.field(node, "value").orElse(null);
        }
        return node;
    }

    private static AttributeType type(AttributePath path, CustomSchema custom) {
        Optional<AttributeDefinition> attribute;
        if (CustomSchema.isUrn(path.schemaUrn())) {
            attribute = custom.attribute(path.attribute());
        } else {
            attribute = Optional.empty();
            for (SchemaDefinition schema : ScimSchemas.all()) {
                attribute = schema.attribute(path.attribute());
                if (attribute.isPresent()) {
                    break;
                }
            }
        }
        if (path.subAttribute() != null) {
            attribute = attribute.flatMap(definition -> definition.subAttribute(path.subAttribute()));
        }
        return attribute.map(AttributeDefinition::type).orElse(AttributeType.STRING);
    }
}
