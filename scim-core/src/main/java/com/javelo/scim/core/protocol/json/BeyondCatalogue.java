package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import com.javelo.scim.domain.user.CarriedAttributes;
import com.javelo.scim.domain.user.CustomAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a User body beyond the RFC's attributes: the company's declared attributes (typed,
 * validated) and everything the service does not know, kept as sent ({@link CarriedAttributes}):
 * top-level names no schema defines, names the enterprise extension does not define, undeclared
 * names under Javelo's extension, and whole objects under extension URNs nobody declared. In
 * strict mode ({@link CustomSchema#strict()}) the first of those is a 400 {@code invalidSyntax}.
 *
 * <p>Not carried: names starting with {@code $} (never attribute names; {@code $ref} is an echo),
 * JSON nulls and empty objects (they clear, as for every attribute).
 */
final class BeyondCatalogue {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Split(CustomAttributes custom, CarriedAttributes carried) {}

    private BeyondCatalogue() {}

    static Split read(JsonNode body, CustomSchema schema) {
        ObjectNode carried = NODES.objectNode();
        Map<String, List<String>> custom = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")
                    || name.equalsIgnoreCase("schemas")
                    || ScimSchemas.USER.attribute(name).isPresent()
                    || value.isNull()) {
                continue;
            }
            if (name.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER_URN)) {
                unknownMembers(value, ScimSchemas.ENTERPRISE_USER_URN, carried, null, null);
            } else if (CustomSchema.isUrn(name)) {
                if (!value.isObject()) {
                    throw ScimErrors.invalidSyntax(
                            "'" + CustomSchema.URN + "' must be an object of the company's declared attributes, got "
                                    + JsonFields.describe(value));
                }
                unknownMembers(value, CustomSchema.URN, carried, schema, custom);
            } else if (!(value.isObject() && value.isEmpty())) {
                carried.set(name, value);
            }
        }
        if (schema.strict() && !carried.isEmpty()) {
            throw ScimErrors.invalidSyntax("attribute '" + firstPath(carried) + "' is not declared, and this company "
                    + "refuses undeclared attributes (strict mode): declare it in " + CustomSchema.URN
                    + " or remove it from the identity provider's mapping");
        }
        return new Split(
                new CustomAttributes(custom), new CarriedAttributes(carried.isEmpty() ? null : carried.toString()));
    }

    /** Sorts an extension object's members: declared ones into {@code custom}, unknown ones into {@code carried}. */
    private static void unknownMembers(
            JsonNode object, String urn, ObjectNode carried, CustomSchema schema, Map<String, List<String>> custom) {
        if (!object.isObject()) {
            return; // the reader of known attributes reports the shape
        }
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            if (name.startsWith("$")) {
                continue;
            }
            if (schema == null) {
                if (ScimSchemas.ENTERPRISE_USER.attribute(name).isPresent()
                        || member.getValue().isNull()) {
                    continue;
                }
            } else {
                Optional<AttributeDefinition> declared = schema.attribute(name);
                if (declared.isPresent()) {
                    custom.put(declared.get().name(), CustomAttributeJson.read(declared.get(), member.getValue()));
                    continue;
                }
                if (member.getValue().isNull()) {
                    continue;
                }
            }
            JsonNode container = carried.get(urn);
            ObjectNode extension = container instanceof ObjectNode existing ? existing : carried.putObject(urn);
            extension.set(name, member.getValue());
        }
    }

    private static String firstPath(ObjectNode carried) {
        Map.Entry<String, JsonNode> first = carried.fields().next();
        if (first.getKey().regionMatches(true, 0, "urn:", 0, 4)
                && first.getValue().isObject()
                && !first.getValue().isEmpty()) {
            return first.getKey() + ":" + first.getValue().fieldNames().next();
        }
        return first.getKey();
    }

    /**
     * Lays the carried attributes over a rendered resource as they came: extension objects the
     * resource already has are completed (what the service knows wins), others are added, and
     * their URNs join {@code schemas}.
     */
    static void merge(ObjectNode resource, CarriedAttributes carried, List<String> schemasAdded) {
        if (carried.isEmpty()) {
            return;
        }
        JsonNode parsed = parse(carried);
        Iterator<Map.Entry<String, JsonNode>> fields = parsed.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            Optional<String> present = JsonFields.actualName(resource, name);
            JsonNode existing = present.map(resource::get).orElse(null);
            if (existing instanceof ObjectNode known && field.getValue().isObject()) {
                field.getValue().fields().forEachRemaining(member -> {
                    if (JsonFields.actualName(known, member.getKey()).isEmpty()) {
                        known.set(member.getKey(), member.getValue());
                    }
                });
            } else if (existing == null) {
                resource.set(name, field.getValue());
                if (name.regionMatches(true, 0, "urn:", 0, 4)
                        && field.getValue().isObject()) {
                    schemasAdded.add(name);
                }
            }
        }
    }

    /** @return the carried attributes' paths, e.g. {@code hireDate}, {@code urn:…:okta:1.0:User:site} */
    static List<String> paths(CarriedAttributes carried) {
        List<String> paths = new ArrayList<>();
        if (carried.isEmpty()) {
            return paths;
        }
        parse(carried).fields().forEachRemaining(field -> {
            if (field.getKey().regionMatches(true, 0, "urn:", 0, 4)
                    && field.getValue().isObject()) {
                field.getValue().fieldNames().forEachRemaining(member -> paths.add(field.getKey() + ":" + member));
            } else {
                paths.add(field.getKey());
            }
        });
        return paths;
    }

    static JsonNode parse(CarriedAttributes carried) {
        try {
            return ScimJson.mapper().readTree(carried.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("carried attributes are not valid JSON", e);
        }
    }
}
