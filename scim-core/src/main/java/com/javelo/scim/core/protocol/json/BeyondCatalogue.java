package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.Mutability;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import com.javelo.scim.domain.user.CarriedAttributes;
import com.javelo.scim.domain.user.CustomAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a User body beyond the RFC's attributes: the company's declared attributes (typed,
 * validated) and everything the service does not know, kept as sent ({@link CarriedAttributes}):
 * top-level names no schema defines, names the enterprise extension does not define, undeclared
 * names under Javelo's extension, whole objects under extension URNs nobody declared, and the
 * sub-attributes a known complex attribute does not define ({@code name.pronunciation},
 * {@code emails[].verified}). In
 * strict mode ({@link CustomSchema#strict()}) the first of those is a 400 {@code invalidSyntax}.
 *
 * <p>Not carried: names starting with {@code $} (never attribute names; {@code $ref} is an echo),
 * JSON nulls and empty objects (they clear, as for every attribute).
 */
final class BeyondCatalogue {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What identifies a value of a multi-valued attribute among the others, for its carried sub-attributes. */
    private static final List<String> IDENTIFYING = List.of("value", "type");

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
            if (name.startsWith("$") || name.equalsIgnoreCase("schemas") || value.isNull()) {
                continue;
            }
            Optional<AttributeDefinition> known = ScimSchemas.USER.attribute(name);
            if (known.isPresent()) {
                unknownSubAttributes(known.get(), value).ifPresent(extras -> carried.set(name, extras));
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
            throw refusedInStrictMode(paths(carried).get(0));
        }
        return new Split(
                new CustomAttributes(custom), new CarriedAttributes(carried.isEmpty() ? null : carried.toString()));
    }

    /**
     * Moves what {@code carried} holds under Javelo's extension for the attributes {@code schema}
     * declares into the declared values, each read by its type exactly as input is
     * ({@link CustomAttributeJson#read}: 400 {@code invalidValue} naming the attribute and the value
     * when it is not one); a carried value replaces a hidden one of the same name (it came later).
     * What a body would have been split into, had the attribute been declared when it came.
     */
    static Split promote(CustomAttributes custom, CarriedAttributes carried, CustomSchema schema) {
        Split unchanged = new Split(custom, carried);
        if (carried.isEmpty() || schema.isEmpty()) {
            return unchanged;
        }
        ObjectNode parsed = (ObjectNode) parse(carried);
        Optional<String> urn = JsonFields.actualName(parsed, CustomSchema.URN);
        if (urn.isEmpty() || !(parsed.get(urn.get()) instanceof ObjectNode extension)) {
            return unchanged;
        }
        Map<String, List<String>> values = new LinkedHashMap<>(custom.values());
        List<String> names = new ArrayList<>();
        extension.fieldNames().forEachRemaining(names::add);
        boolean promoted = false;
        for (String name : names) {
            Optional<AttributeDefinition> declared = schema.attribute(name);
            if (declared.isEmpty()) {
                continue;
            }
            List<String> texts = CustomAttributeJson.read(declared.get(), extension.get(name));
            values.keySet().removeIf(existing -> CustomAttributes.key(existing).equals(CustomAttributes.key(name)));
            values.put(declared.get().name(), texts);
            extension.remove(name);
            promoted = true;
        }
        if (!promoted) {
            return unchanged;
        }
        if (extension.isEmpty()) {
            parsed.remove(urn.get());
        }
        return new Split(
                new CustomAttributes(values), new CarriedAttributes(parsed.isEmpty() ? null : parsed.toString()));
    }

    /** Strict mode's answer to an undeclared attribute ({@code path}, e.g. {@code name.pronunciation}). */
    static RuntimeException refusedInStrictMode(String path) {
        return ScimErrors.invalidSyntax("attribute '" + path + "' is not declared, and this company "
                + "refuses undeclared attributes (strict mode): declare it in " + CustomSchema.URN
                + " or remove it from the identity provider's mapping");
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
                Optional<AttributeDefinition> known = ScimSchemas.ENTERPRISE_USER.attribute(name);
                if (known.isPresent()) {
                    Optional<JsonNode> extras = unknownSubAttributes(known.get(), member.getValue());
                    if (extras.isPresent()) {
                        extensionIn(carried, urn).set(name, extras.get());
                    }
                    continue;
                }
                if (member.getValue().isNull()) {
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
            extensionIn(carried, urn).set(name, member.getValue());
        }
    }

    private static ObjectNode extensionIn(ObjectNode carried, String urn) {
        JsonNode container = carried.get(urn);
        return container instanceof ObjectNode existing ? existing : carried.putObject(urn);
    }

    /**
     * The sub-attributes of a known complex attribute that its definition does not have, as sent:
     * for a single value ({@code name}), an object of them; for a multi-valued one ({@code emails}),
     * an array with, for each value that has some, those and the value's own {@code value} and
     * {@code type}, by which {@link #merge} finds the value again. Read-only attributes are echoes.
     */
    private static Optional<JsonNode> unknownSubAttributes(AttributeDefinition attribute, JsonNode value) {
        if (!attribute.isComplex() || attribute.mutability() == Mutability.READ_ONLY) {
            return Optional.empty();
        }
        if (!attribute.multiValued()) {
            return value.isObject() ? Optional.ofNullable(unknownMembersOf(attribute, value, false)) : Optional.empty();
        }
        if (!value.isArray()) {
            return Optional.empty();
        }
        ArrayNode elements = NODES.arrayNode();
        for (JsonNode element : value) {
            if (element.isObject()) {
                ObjectNode extras = unknownMembersOf(attribute, element, true);
                if (extras != null) {
                    elements.add(extras);
                }
            }
        }
        return elements.isEmpty() ? Optional.empty() : Optional.of(elements);
    }

    private static ObjectNode unknownMembersOf(AttributeDefinition attribute, JsonNode object, boolean identified) {
        ObjectNode extras = null;
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getKey().startsWith("$")
                    || member.getValue().isNull()
                    || attribute.subAttribute(member.getKey()).isPresent()) {
                continue;
            }
            if (extras == null) {
                extras = NODES.objectNode();
            }
            extras.set(member.getKey(), member.getValue());
        }
        if (extras != null && identified) {
            ObjectNode found = extras;
            for (String key : IDENTIFYING) {
                JsonFields.actualName((ObjectNode) object, key).ifPresent(actual -> found.set(key, object.get(actual)));
            }
        }
        return extras;
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
            if (JsonFields.actualName(resource, name).isEmpty()
                    && name.regionMatches(true, 0, "urn:", 0, 4)
                    && field.getValue().isObject()) {
                schemasAdded.add(name);
            }
        }
        complete(resource, parsed);
    }

    /** Adds to {@code known} what {@code carried} has beyond it: what the service knows wins. */
    private static void complete(ObjectNode known, JsonNode carried) {
        carried.fields().forEachRemaining(member -> {
            Optional<String> present = JsonFields.actualName(known, member.getKey());
            JsonNode existing = present.map(known::get).orElse(null);
            if (existing == null) {
                known.set(member.getKey(), member.getValue());
            } else if (existing instanceof ObjectNode object
                    && member.getValue().isObject()) {
                complete(object, member.getValue());
            } else if (existing instanceof ArrayNode values && member.getValue().isArray()) {
                member.getValue()
                        .forEach(extras -> sameValue(values, extras).ifPresent(value -> complete(value, extras)));
            }
        });
    }

    /** The value of a multi-valued attribute that {@code extras} were sent with: same value and type. */
    private static Optional<ObjectNode> sameValue(ArrayNode values, JsonNode extras) {
        for (JsonNode candidate : values) {
            if (candidate instanceof ObjectNode value
                    && IDENTIFYING.stream().allMatch(key -> Objects.equals(text(extras, key), text(value, key)))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode object, String key) {
        return object instanceof ObjectNode fields
                ? JsonFields.actualName(fields, key)
                        .map(actual -> fields.get(actual).asText())
                        .orElse(null)
                : null;
    }

    /** @return the carried attributes' paths, e.g. {@code hireDate}, {@code urn:…:okta:1.0:User:site} */
    static List<String> paths(CarriedAttributes carried) {
        return carried.isEmpty() ? new ArrayList<>() : paths(parse(carried));
    }

    private static List<String> paths(JsonNode carried) {
        Set<String> paths = new LinkedHashSet<>();
        carried.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (name.regionMatches(true, 0, "urn:", 0, 4) && field.getValue().isObject()) {
                field.getValue()
                        .fields()
                        .forEachRemaining(member -> subPaths(
                                name + ":" + member.getKey(),
                                name.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER_URN)
                                        && ScimSchemas.ENTERPRISE_USER
                                                .attribute(member.getKey())
                                                .isPresent(),
                                member.getValue(),
                                paths));
            } else {
                subPaths(name, ScimSchemas.USER.attribute(name).isPresent(), field.getValue(), paths);
            }
        });
        return new ArrayList<>(paths);
    }

    /** A known attribute's carried sub-attributes are named {@code attribute.sub}; anything else by its own path. */
    private static void subPaths(String path, boolean known, JsonNode value, Set<String> paths) {
        if (!known) {
            paths.add(path);
        } else if (value.isObject()) {
            value.fieldNames().forEachRemaining(sub -> paths.add(path + "." + sub));
        } else {
            value.forEach(extras -> extras.fieldNames().forEachRemaining(sub -> {
                if (IDENTIFYING.stream().noneMatch(sub::equalsIgnoreCase)) {
                    paths.add(path + "." + sub);
                }
            }));
        }
    }

    static JsonNode parse(CarriedAttributes carried) {
        try {
            return ScimJson.mapper().readTree(carried.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("carried attributes are not valid JSON", e);
        }
    }
}
