package com.javelo.scim.core.protocol.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.AttributePathParser;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.core.protocol.schema.Returned;
import com.javelo.scim.core.protocol.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which attributes a response carries: the {@code attributes} and {@code excludedAttributes} query
 * parameters (RFC 7644 §3.4.2.5, §3.9) combined with each attribute's {@code returned}
 * characteristic (RFC 7643 §7).
 *
 * <ul>
 *   <li>{@code schemas} and {@code returned:always} attributes ({@code id}) are always kept;
 *       {@code returned:never} ones ({@code password}) are always dropped, even when stored.
 *   <li>With {@code attributes}, only the named attributes and sub-attributes are kept
 *       ({@code name.givenName} keeps {@code name} with {@code givenName} only); {@code meta} is
 *       {@code returned:default}, so it goes too unless named.
 *   <li>With {@code excludedAttributes}, the default set minus the named ones.
 *   <li>{@code returned:request} attributes appear only when {@code attributes} names them.
 *   <li>If both parameters are given, {@code attributes} takes precedence and
 *       {@code excludedAttributes} is ignored: the RFC says clients MAY give either, and the
 *       explicit list is the more specific wish.
 *   <li>Names are case-insensitive and may be URN-qualified; an unqualified name is looked up in
 *       the core schema, then in the extensions. Extension attributes are kept or dropped inside
 *       their URN object. Names the resource type does not define are ignored; malformed ones are
 *       refused with {@code invalidPath}.
 * </ul>
 *
 * <p>For example, Entra's group lookup:
 *
 * <pre>{@code
 * Projection projection = Projection.of(null, "members");
 * if (projection.includes(AttributePath.of("members"), ResourceSchema.GROUP)) { load members }
 * ObjectNode body = projection.apply(group, ResourceSchema.GROUP);
 * }</pre>
 */
public final class Projection {

    private static final Projection ALL = new Projection(List.of(), List.of());
    private static final String SCHEMAS = "schemas";

    private final List<Selector> attributes;
    private final List<Selector> excludedAttributes;

    private Projection(List<Selector> attributes, List<Selector> excludedAttributes) {
        this.attributes = List.copyOf(attributes);
        this.excludedAttributes = List.copyOf(excludedAttributes);
    }

    /** @return the projection of a request without either parameter: the default attribute set. */
    public static Projection all() {
        return ALL;
    }

    /**
     * @param attributes the comma-separated {@code attributes} parameter, or {@code null}/blank
     * @param excludedAttributes the comma-separated {@code excludedAttributes} parameter, or
     *     {@code null}/blank; ignored when {@code attributes} names anything
     * @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidPath} for a malformed name
     */
    public static Projection of(String attributes, String excludedAttributes) {
        List<Selector> requested = parse(attributes);
        if (!requested.isEmpty()) {
            return new Projection(requested, List.of());
        }
        List<Selector> excluded = parse(excludedAttributes);
        return excluded.isEmpty() ? ALL : new Projection(List.of(), excluded);
    }

    /** @return whether this is the default attribute set (neither parameter given). */
    public boolean isDefault() {
        return attributes.isEmpty() && excludedAttributes.isEmpty();
    }

    /**
     * Whether {@link #apply} would keep (at least part of) the attribute or sub-attribute
     * {@code path}, taking its {@code returned} characteristic into account. Use it to skip
     * loading what the response will not carry, such as a large group's {@code members}.
     */
    public boolean includes(AttributePath path, ResourceSchema schema) {
        Optional<AttributePath> canonical = schema.canonicalPath(path);
        if (canonical.isEmpty()) {
            return false;
        }
        String urn = canonical.get().schemaUrn();
        SchemaDefinition owner = schema.schema(urn).orElseThrow();
        AttributeDefinition attribute =
                owner.attribute(canonical.get().attribute()).orElseThrow();
        Selection selection = resolve(schema).selectionFor(urn, attribute);
        if (!path.hasSubAttribute() || selection.kind() == Kind.NONE) {
            return selection.kind() != Kind.NONE;
        }
        return attribute
                .subAttribute(canonical.get().subAttribute())
                .map(sub -> selection.keeps(sub.name(), sub))
                .orElse(false);
    }

    /**
     * Whether the parameters name {@code path} in or out, by name alone. It does not know
     * {@code returned} characteristics (that {@code id} is always returned, {@code password} never),
     * so prefer {@link #includes(AttributePath, ResourceSchema)} when the resource type is known.
     */
    public boolean includes(AttributePath path) {
        if (!attributes.isEmpty()) {
            return attributes.stream().anyMatch(selector -> selector.names(path) || selector.isPartOf(path));
        }
        return excludedAttributes.stream().noneMatch(selector -> selector.names(path));
    }

    /**
     * @return a copy of {@code resource} with only the attributes this projection keeps; the
     *     argument is not changed
     */
    public ObjectNode apply(ObjectNode resource, ResourceSchema schema) {
        Resolved resolved = resolve(schema);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        Set<String> droppedExtensions = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            Optional<SchemaDefinition> extension = schema.isExtensionUrn(key) ? schema.schema(key) : Optional.empty();
            if (key.equalsIgnoreCase(SCHEMAS)) {
                result.set(key, value.deepCopy());
            } else if (extension.isPresent()) {
                JsonNode projected =
                        value.isObject() ? projectAttributes((ObjectNode) value, extension.get(), resolved) : null;
                if (projected == null || projected.isEmpty()) {
                    droppedExtensions.add(key.toLowerCase(Locale.ROOT));
                } else {
                    result.set(key, projected);
                }
            } else {
                projectAttribute(key, value, schema.coreSchema(), resolved, result);
            }
        }
        removeDroppedExtensionsFromSchemas(result, droppedExtensions);
        return result;
    }

    private static ObjectNode projectAttributes(ObjectNode container, SchemaDefinition schema, Resolved resolved) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : container.properties()) {
            projectAttribute(field.getKey(), field.getValue(), schema, resolved, result);
        }
        return result;
    }

    private static void projectAttribute(
            String key, JsonNode value, SchemaDefinition schema, Resolved resolved, ObjectNode result) {
        Optional<AttributeDefinition> definition = schema.attribute(key);
        Selection selection = definition
                .map(attribute -> resolved.selectionFor(schema.id(), attribute))
                // An attribute the schema does not define cannot be named, so it follows the default.
                .orElse(resolved.selectsByName() ? Selection.NONE : Selection.ALL);
        if (selection.kind() == Kind.NONE) {
            return;
        }
        if (selection.kind() == Kind.ALL && definition.map(d -> !d.isComplex()).orElse(true)) {
            result.set(key, value.deepCopy());
            return;
        }
        JsonNode projected = projectValue(value, definition.orElseThrow(), selection);
        if (projected != null) {
            result.set(key, projected);
        }
    }

    /** @return the complex value with only the kept sub-attributes, or null when nothing is left. */
    private static JsonNode projectValue(JsonNode value, AttributeDefinition attribute, Selection selection) {
        if (value.isObject()) {
            ObjectNode projected = projectSubAttributes((ObjectNode) value, attribute, selection);
            return projected.isEmpty() && !value.isEmpty() ? null : projected;
        }
        if (value.isArray()) {
            ArrayNode projected = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                JsonNode kept = projectValue(element, attribute, selection);
                if (kept != null) {
                    projected.add(kept);
                }
            }
            return projected.isEmpty() && !value.isEmpty() ? null : projected;
        }
        return value.deepCopy();
    }

    private static ObjectNode projectSubAttributes(
            ObjectNode value, AttributeDefinition attribute, Selection selection) {
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributeDefinition sub = attribute.subAttribute(field.getKey()).orElse(null);
            if (selection.keeps(field.getKey(), sub)) {
                projected.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return projected;
    }

    private static void removeDroppedExtensionsFromSchemas(ObjectNode result, Set<String> droppedExtensions) {
        JsonNode schemas = result.get(SCHEMAS);
        if (droppedExtensions.isEmpty() || schemas == null || !schemas.isArray()) {
            return;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode urn : schemas) {
            if (!droppedExtensions.contains(urn.asText().toLowerCase(Locale.ROOT))) {
                kept.add(urn);
            }
        }
        result.set(SCHEMAS, kept);
    }

    private Resolved resolve(ResourceSchema schema) {
        boolean byName = !attributes.isEmpty();
        Resolved resolved = new Resolved(byName);
        for (Selector selector : byName ? attributes : excludedAttributes) {
            if (schema.isKnownSchemaUrn(selector.raw())) {
                resolved.wholeSchemas.add(selector.raw().toLowerCase(Locale.ROOT));
                continue;
            }
            schema.canonicalPath(selector.path()).ifPresent(resolved::add);
        }
        return resolved;
    }

    private static List<Selector> parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        List<Selector> selectors = new ArrayList<>();
        for (String token : parameter.split(",")) {
            if (!token.isBlank()) {
                selectors.add(new Selector(token.trim(), AttributePathParser.parse(withoutValueFilter(token))));
            }
        }
        return selectors;
    }

    /**
     * Microsoft's validator asks for {@code attributes=emails[type eq "work"]}; RFC 7644 §3.4.2.5
     * takes attribute names only, so the value filter is dropped and the whole attribute selected.
     */
    private static String withoutValueFilter(String token) {
        int open = token.indexOf('[');
        int close = token.lastIndexOf(']');
        if (open < 0 || close < open) {
            return token;
        }
        return token.substring(0, open) + token.substring(close + 1);
    }

    @Override
    public String toString() {
        return "Projection[attributes=" + attributes + ", excludedAttributes=" + excludedAttributes + "]";
    }

    /** One name from a parameter, as written and as parsed. */
    private record Selector(String raw, AttributePath path) {

        /** @return whether this selector names {@code other} itself or an attribute containing it. */
        boolean names(AttributePath other) {
            return path.matches(other)
                    || (!path.hasSubAttribute() && path.matches(other.parent()))
                    || (other.schemaUrn() != null && raw.equalsIgnoreCase(other.schemaUrn()));
        }

        /** @return whether this selector names a sub-attribute of {@code other}. */
        boolean isPartOf(AttributePath other) {
            return !other.hasSubAttribute()
                    && path.hasSubAttribute()
                    && path.parent().matches(other);
        }

        @Override
        public String toString() {
            return raw;
        }
    }

    private enum Kind {
        NONE,
        ALL,
        ONLY,
        EXCEPT
    }

    /** What to keep of one attribute: nothing, all of it, or some of its sub-attributes. */
    private record Selection(Kind kind, Set<String> subAttributes) {

        static final Selection NONE = new Selection(Kind.NONE, Set.of());
        static final Selection ALL = new Selection(Kind.ALL, Set.of());

        boolean keeps(String subName, AttributeDefinition sub) {
            Returned returned = sub == null ? Returned.DEFAULT : sub.returned();
            if (returned == Returned.NEVER) {
                return false;
            }
            if (returned == Returned.ALWAYS) {
                return kind != Kind.NONE;
            }
            switch (kind) {
                case ALL:
                    return returned != Returned.REQUEST;
                case ONLY:
                    return named(subName);
                case EXCEPT:
                    return !named(subName) && returned != Returned.REQUEST;
                default:
                    return false;
            }
        }

        private boolean named(String subName) {
            return subAttributes.contains(subName.toLowerCase(Locale.ROOT));
        }
    }

    /** The parameter's names resolved against one resource type's schemas. */
    private static final class Resolved {

        private final boolean byName;
        private final Set<String> wholeSchemas = new HashSet<>();
        private final Set<String> wholeAttributes = new HashSet<>();
        private final Map<String, Set<String>> subAttributes = new HashMap<>();

        Resolved(boolean byName) {
            this.byName = byName;
        }

        /** @return whether the parameter was {@code attributes} (else {@code excludedAttributes} or none). */
        boolean selectsByName() {
            return byName;
        }

        void add(AttributePath canonical) {
            String key = key(canonical.schemaUrn(), canonical.attribute());
            if (canonical.hasSubAttribute()) {
                subAttributes
                        .computeIfAbsent(key, k -> new HashSet<>())
                        .add(canonical.subAttribute().toLowerCase(Locale.ROOT));
            } else {
                wholeAttributes.add(key);
            }
        }

        Selection selectionFor(String schemaUrn, AttributeDefinition attribute) {
            if (attribute.returned() == Returned.NEVER) {
                return Selection.NONE;
            }
            if (attribute.returned() == Returned.ALWAYS) {
                return Selection.ALL;
            }
            if (!byName && nothingNamed()) {
                // The default set, asked for every attribute of every resource: no name to look up.
                return attribute.returned() == Returned.REQUEST ? Selection.NONE : Selection.ALL;
            }
            String key = key(schemaUrn, attribute.name());
            boolean whole = wholeSchemas.contains(schemaUrn.toLowerCase(Locale.ROOT)) || wholeAttributes.contains(key);
            Set<String> subs = subAttributes.getOrDefault(key, Set.of());
            if (byName) {
                if (whole) {
                    return Selection.ALL;
                }
                return subs.isEmpty() ? Selection.NONE : new Selection(Kind.ONLY, subs);
            }
            if (whole || attribute.returned() == Returned.REQUEST) {
                return Selection.NONE;
            }
            return subs.isEmpty() ? Selection.ALL : new Selection(Kind.EXCEPT, subs);
        }

        private boolean nothingNamed() {
            return wholeSchemas.isEmpty() && wholeAttributes.isEmpty() && subAttributes.isEmpty();
        }

        private static String key(String schemaUrn, String attribute) {
            return (schemaUrn + ":" + attribute).toLowerCase(Locale.ROOT);
        }
    }
}
