package com.javelo.scim.core.protocol.patch;

import static com.javelo.scim.core.protocol.json.CaseInsensitiveFields.isAbsentOrEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterVisitor;
import com.javelo.scim.core.protocol.filter.InMemoryFilterEvaluator;
import com.javelo.scim.core.protocol.json.CaseInsensitiveFields;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a resource's SCIM JSON, all or nothing: it works on
 * a copy and either returns the patched copy or throws, leaving the input untouched.
 *
 * <p>Beyond the RFC text, for the clients of CLIENTS.md:
 * <ul>
 *   <li>{@code ""} and {@code null} values on add/replace clear the target (Entra SCIM_Null_Update);
 *   <li>read-only attributes ({@code id}, {@code meta}, {@code groups}, {@code members.display}…)
 *       are silently ignored, whatever value is given;
 *   <li>{@code remove} on a multi-valued path with a {@code value} removes only those values (Entra's
 *       {@code {"op":"Remove","path":"members","value":[{"value":"id"}]}} must not empty the group);
 *   <li>add/replace on {@code emails[type eq "work"].value} with no matching value creates
 *       {@code {"type":"work","value":…}} instead of answering {@code noTarget} (Entra sends both
 *       {@code Add} and {@code Replace} there when the user has no work email);
 *   <li>a path-less replace merges the sub-attributes of a complex value ({@code {"name":{"givenName":"X"}}}
 *       keeps {@code familyName}), a replace with path {@code name} replaces the whole object;
 *   <li>attributes nobody declared (unknown names, unknown extension URNs) are written as sent
 *       and kept (issue #15), and so are the sub-attributes a known complex attribute does not
 *       define, by path ({@code name.pronunciation}, {@code emails[type eq "work"].verified}) or
 *       inside a value ({@code {"name":{"pronunciation":"zho"}}}); on a group they stay
 *       {@code invalidPath}/{@code invalidValue}.
 * </ul>
 * IdP dialects are normalised before this class sees them: see
 * {@code com.javelo.scim.core.protocol.patch.quirks}, and {@link ScimPatch} for the whole pipeline.
 *
 * <p>For example:
 * <pre>{@code
 * ObjectNode patched = JsonPatcher.apply(user, List.of(new PatchOperation(PatchOp.REPLACE, null,
 *         json("{\"active\":false}"))), ScimUserGroupCharacteristics.users());
 * }</pre>
 */
public final class JsonPatcher {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonPatcher() {}

    /**
     * @return the patched copy of {@code resource}
     * @throws com.javelo.scim.core.protocol.error.ScimException {@code noTarget}, {@code invalidPath},
     *     {@code invalidValue} or {@code invalidFilter}; {@code resource} is then unchanged
     */
    public static ObjectNode apply(
            ObjectNode resource, List<PatchOperation> operations, AttributeCharacteristics schema) {
        ObjectNode document = resource.deepCopy();
        Patching patching = new Patching(document, schema);
        for (PatchOperation operation : operations) {
            patching.apply(operation);
        }
        return document;
    }

    /** One run over the working copy. */
    private static final class Patching {

        private final ObjectNode document;
        private final AttributeCharacteristics schema;
        private final InMemoryFilterEvaluator evaluator;

        Patching(ObjectNode document, AttributeCharacteristics schema) {
            this.document = document;
            this.schema = schema;
            this.evaluator = new InMemoryFilterEvaluator(schema);
        }

        void apply(PatchOperation operation) {
            PatchPath path = operation.path();
            if (path == null) {
                if (operation.op() == PatchOp.REMOVE) {
                    throw ScimErrors.noTarget("'remove' needs a path naming what to remove, e.g. "
                            + "\"path\":\"members[value eq \\\"<id>\\\"]\"");
                }
                pathless(operation.op(), operation.value());
            } else if (path.valueFilter() != null) {
                filtered(operation.op(), path, operation.value());
            } else if (path.attribute().hasSubAttribute()) {
                subAttribute(operation.op(), path.attribute(), operation.value());
            } else {
                attribute(operation.op(), path.attribute(), operation.value(), false);
            }
        }

        // RFC 7644 §3.5.2.1/3: "the value MUST contain a value with the attribute names to be added/replaced"
        private void pathless(PatchOp op, JsonNode value) {
            if (value == null || !value.isObject()) {
                throw ScimErrors.invalidValue("'" + op.wireValue() + "' without a path needs an object of "
                        + "attributes as its value, e.g. {\"active\":false}; got " + describe(value));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                pathlessMember(op, null, field.getKey(), field.getValue());
            }
        }

        private void pathlessMember(PatchOp op, String schemaUrn, String key, JsonNode value) {
            if (schemaUrn == null && key.regionMatches(true, 0, "urn:", 0, 4)) {
                boolean extension = schema.isExtensionUrn(key);
                boolean core = schema.isCoreUrn(key);
                if (!extension && !core && !schema.keepsUnknownAttributes()) {
                    return; // an unknown extension of a group: ignored and not stored (CLIENTS.md §5.9)
                }
                // A user's extension nobody declared is kept as sent (issue #15): its members are written verbatim.
                if (!core && (isAbsentOrEmpty(value) || (value.isObject() && value.isEmpty()))) {
                    CaseInsensitiveFields.actualName(document, key).ifPresent(document::remove);
                    return;
                }
                if (!value.isObject() && !core && !extension && key.lastIndexOf(':') > 4) {
                    // "urn:…:User:level": a URN-qualified attribute of a schema nobody declared, kept as sent.
                    int colon = key.lastIndexOf(':');
                    attribute(
                            op,
                            new AttributePath(key.substring(0, colon), key.substring(colon + 1), null),
                            value,
                            true);
                    return;
                }
                if (!value.isObject()) {
                    throw ScimErrors.invalidValue(
                            "'" + key + "' must be an object of that schema's attributes; got " + describe(value));
                }
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    pathlessMember(op, key, field.getKey(), field.getValue());
                }
                return;
            }
            attribute(op, new AttributePath(schemaUrn, key, null), value, true);
        }

        /** A whole attribute: {@code userName}, {@code name}, {@code emails}, {@code ...:User:manager}. */
        private void attribute(PatchOp op, AttributePath path, JsonNode value, boolean pathless) {
            Location at = locate(path);
            if (at == null || schema.isReadOnly(path)) {
                return;
            }
            if (at.verbatim) {
                verbatim(op, at, value, schema.isMultiValued(path));
                return;
            }
            if (op == PatchOp.REMOVE) {
                if (schema.isMultiValued(path) && !isAbsentOrEmpty(value)) {
                    removeValues(at, path, value);
                } else {
                    at.remove();
                }
                return;
            }
            if (isAbsentOrEmpty(value)) {
                at.remove();
                return;
            }
            if (schema.isMultiValued(path)) {
                writeValues(op, at, path, value);
            } else if (schema.isComplex(path)) {
                ObjectNode given = requireObject(path, value);
                JsonNode existing = at.get();
                boolean merge = op == PatchOp.ADD || pathless;
                ObjectNode target =
                        merge && existing != null && existing.isObject() ? (ObjectNode) existing : NODES.objectNode();
                mergeInto(path, target, given);
                at.setOrRemoveWhenEmpty(target);
            } else {
                at.set(simpleValue(path, value));
            }
        }

        /**
         * An attribute the service keeps without reading it here (one nobody declared, or a
         * company's declared one, which the User reader then checks by type): written as sent;
         * {@code add} appends to a list and merges into an object.
         */
        private void verbatim(PatchOp op, Location at, JsonNode value, boolean multiValued) {
            JsonNode existing = at.get();
            if (op == PatchOp.REMOVE && existing != null && existing.isArray() && !isAbsentOrEmpty(value)) {
                ArrayNode kept = NODES.arrayNode();
                List<JsonNode> unwanted = new ArrayList<>();
                (value.isArray() ? value : NODES.arrayNode().add(value)).forEach(unwanted::add);
                existing.forEach(element -> {
                    if (!unwanted.contains(element)) {
                        kept.add(element);
                    }
                });
                at.setOrRemoveWhenEmpty(kept);
                return;
            }
            if (op == PatchOp.REMOVE || isAbsentOrEmpty(value)) {
                at.remove();
                return;
            }
            if (op == PatchOp.ADD && existing != null && (existing.isArray() || multiValued)) {
                ArrayNode array = existing.isArray()
                        ? (ArrayNode) existing.deepCopy()
                        : NODES.arrayNode().add(existing);
                (value.isArray() ? value : NODES.arrayNode().add(value)).forEach(element -> {
                    if (!contains(array, element)) {
                        array.add(element);
                    }
                });
                at.set(array);
            } else if (op == PatchOp.ADD && existing != null && existing.isObject() && value.isObject()) {
                ObjectNode merged = (ObjectNode) existing.deepCopy();
                merged.setAll((ObjectNode) value);
                at.set(merged);
            } else {
                at.set(value.deepCopy());
            }
        }

        private static boolean contains(ArrayNode array, JsonNode element) {
            for (JsonNode present : array) {
                if (present.equals(element)) {
                    return true;
                }
            }
            return false;
        }

        private void writeValues(PatchOp op, Location at, AttributePath path, JsonNode value) {
            List<ObjectNode> values = multiValues(path, value);
            JsonNode existing = at.get();
            ArrayNode array = op == PatchOp.ADD && existing != null && existing.isArray()
                    ? (ArrayNode) existing
                    : NODES.arrayNode();
            Set<JsonNode> written = identitySet();
            for (ObjectNode candidate : values) {
                if (!contains(path, array, candidate)) {
                    array.add(candidate);
                    written.add(candidate);
                }
            }
            keepOnePrimary(array, written);
            at.setOrRemoveWhenEmpty(array);
        }

        private void removeValues(Location at, AttributePath path, JsonNode value) {
            List<ObjectNode> unwanted = multiValues(path, value);
            JsonNode existing = at.get();
            if (existing == null || !existing.isArray()) {
                return;
            }
            ArrayNode array = (ArrayNode) existing;
            for (int index = array.size() - 1; index >= 0; index--) {
                JsonNode element = array.get(index);
                if (unwanted.stream().anyMatch(candidate -> sameValue(path, element, candidate))) {
                    array.remove(index);
                }
            }
            at.setOrRemoveWhenEmpty(array);
        }

        /** {@code name.givenName}, {@code manager.value}, or {@code emails.type} (every value). */
        private void subAttribute(PatchOp op, AttributePath path, JsonNode value) {
            AttributePath parent = path.parent();
            Location at = locate(path);
            if (at == null || schema.isReadOnly(parent) || schema.isReadOnly(path)) {
                return;
            }
            boolean clearing = op == PatchOp.REMOVE || isAbsentOrEmpty(value);
            JsonNode existing = at.get();
            if (schema.isMultiValued(parent)) {
                if (existing == null || !existing.isArray() || existing.isEmpty()) {
                    if (clearing) {
                        return;
                    }
                    throw ScimErrors.noTarget("'" + parent + "' has no values whose '" + path.subAttribute()
                            + "' could be set; add whole values, or select one with a filter such as "
                            + parent + "[type eq \"work\"]." + path.subAttribute());
                }
                ArrayNode array = (ArrayNode) existing;
                for (JsonNode element : array) {
                    if (element.isObject()) {
                        writeSub((ObjectNode) element, path, clearing ? null : value);
                    }
                }
                dropValuesWithoutValue(array, path);
                at.setOrRemoveWhenEmpty(array);
                return;
            }
            if (clearing && (existing == null || !existing.isObject())) {
                return;
            }
            ObjectNode target = existing != null && existing.isObject() ? (ObjectNode) existing : NODES.objectNode();
            writeSub(target, path, clearing ? null : value);
            at.setOrRemoveWhenEmpty(target);
        }

        /** {@code emails[type eq "work"]} or {@code emails[type eq "work"].value}. */
        private void filtered(PatchOp op, PatchPath path, JsonNode value) {
            AttributePath attribute = path.attribute();
            Location at = locate(attribute);
            if (at == null) {
                return;
            }
            if (!schema.isMultiValued(attribute)) {
                throw ScimErrors.invalidPath("'" + attribute + "' is single-valued; a value filter such as '"
                        + PathText.of(path) + "' only applies to multi-valued attributes");
            }
            AttributePath sub = path.subAttribute() == null ? null : attribute.withSubAttribute(path.subAttribute());
            if (sub != null && !schema.isKnown(sub) && !carriesUnknownSubAttributes(attribute)) {
                throw ScimErrors.invalidPath("'" + attribute + "' has no sub-attribute '" + path.subAttribute() + "'");
            }
            if (schema.isReadOnly(attribute) || (sub != null && schema.isReadOnly(sub))) {
                return;
            }
            JsonNode existing = at.get();
            ArrayNode array = existing != null && existing.isArray() ? (ArrayNode) existing : NODES.arrayNode();
            List<ObjectNode> matching = new ArrayList<>();
            for (JsonNode element : array) {
                if (element.isObject() && evaluator.matchesValue(path.valueFilter(), attribute, element)) {
                    matching.add((ObjectNode) element);
                }
            }
            boolean clearing = op == PatchOp.REMOVE || isAbsentOrEmpty(value);
            if (matching.isEmpty()) {
                if (clearing && op != PatchOp.REMOVE) {
                    return;
                }
                ObjectNode created = op == PatchOp.REMOVE ? null : upsertSeed(attribute, path.valueFilter());
                if (created == null) {
                    throw ScimErrors.noTarget("no value of '" + attribute + "' matches '" + PathText.of(path) + "'");
                }
                if (sub != null) {
                    writeSub(created, sub, value);
                } else {
                    mergeInto(attribute, created, requireObject(attribute, value));
                }
                matching.add(created);
                array.add(created);
            } else {
                for (ObjectNode element : matching) {
                    if (sub != null) {
                        writeSub(element, sub, clearing ? null : value);
                    } else if (clearing) {
                        element.removeAll();
                    } else {
                        mergeInto(attribute, element, requireObject(attribute, value));
                    }
                }
            }
            dropValuesWithoutValue(array, sub);
            keepOnePrimary(array, identitySet(matching));
            at.setOrRemoveWhenEmpty(array);
        }

        /**
         * The value an upsert creates from a filter made of {@code eq} tests, e.g. {@code {"type":"work"}}
         * for {@code type eq "work"}; {@code null} when the filter says nothing that precise.
         */
        private ObjectNode upsertSeed(AttributePath attribute, Filter filter) {
            ObjectNode seed = NODES.objectNode();
            return filter.accept(new EqualityConjunction(attribute, seed)) ? seed : null;
        }

        /** Collects {@code sub eq literal} tests joined by {@code and} into a new value. */
        private final class EqualityConjunction implements FilterVisitor<Boolean> {

            private final AttributePath attribute;
            private final ObjectNode seed;

            EqualityConjunction(AttributePath attribute, ObjectNode seed) {
                this.attribute = attribute;
                this.seed = seed;
            }

            @Override
            public Boolean visitComparison(Filter.Comparison comparison) {
                AttributePath relative = comparison.path();
                if (comparison.operator() != ComparisonOperator.EQ
                        || relative.hasSubAttribute()
                        || relative.schemaUrn() != null
                        || comparison.value() == null
                        || !comparison.value().isValueNode()
                        || comparison.value().isNull()) {
                    return false;
                }
                AttributePath sub = attribute.withSubAttribute(relative.attribute());
                if (!schema.isKnown(sub) || schema.isReadOnly(sub)) {
                    return false;
                }
                JsonNode literal = comparison.value();
                if (schema.isBoolean(sub) && literal.isTextual()) {
                    literal = BooleanNode.valueOf(
                            Boolean.parseBoolean(literal.textValue().strip()));
                }
                seed.set(nameFor(seed, sub), literal);
                return true;
            }

            @Override
            public Boolean visitPresent(Filter.Present present) {
                return false;
            }

            @Override
            public Boolean visitAnd(Filter.And and) {
                return and.left().accept(this) && and.right().accept(this);
            }

            @Override
            public Boolean visitOr(Filter.Or or) {
                return false;
            }

            @Override
            public Boolean visitNot(Filter.Not not) {
                return false;
            }

            @Override
            public Boolean visitValuePath(Filter.ValuePath valuePath) {
                return false;
            }
        }

        private void mergeInto(AttributePath attribute, ObjectNode target, ObjectNode given) {
            Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                AttributePath sub = attribute.withSubAttribute(field.getKey());
                requireKnownSub(attribute, sub);
                writeSub(target, sub, field.getValue());
            }
        }

        /** Sets one sub-attribute, or removes it when {@code value} is null or {@code ""}. */
        private void writeSub(ObjectNode target, AttributePath sub, JsonNode value) {
            if (schema.isReadOnly(sub)) {
                return;
            }
            if (isAbsentOrEmpty(value)) {
                CaseInsensitiveFields.actualName(target, sub.subAttribute()).ifPresent(target::remove);
                return;
            }
            // A sub-attribute the attribute does not define is kept as sent (issue #15), like on POST and PUT.
            target.set(nameFor(target, sub), schema.isKnown(sub) ? simpleValue(sub, value) : value.deepCopy());
        }

        /**
         * Whether a sub-attribute {@code attribute} does not define is kept as sent rather than refused:
         * a user's complex attribute that a client may write ({@code name}, {@code emails},
         * {@code manager}), as the User reader carries it on POST and PUT.
         */
        private boolean carriesUnknownSubAttributes(AttributePath attribute) {
            return schema.keepsUnknownAttributes() && schema.isComplex(attribute) && !schema.isReadOnly(attribute);
        }

        /** The values given for a multi-valued attribute, checked and in canonical spelling. */
        private List<ObjectNode> multiValues(AttributePath attribute, JsonNode value) {
            List<JsonNode> given = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(given::add);
            } else if (value.isObject()) {
                given.add(value);
            } else {
                throw ScimErrors.invalidValue("'" + attribute + "' is multi-valued; give an array of values such as "
                        + "[{\"value\":\"...\"}], not " + describe(value));
            }
            List<ObjectNode> values = new ArrayList<>();
            for (JsonNode element : given) {
                if (element.isNull()) {
                    continue;
                }
                if (!element.isObject()) {
                    throw ScimErrors.invalidValue("each value of '" + attribute + "' must be an object such as "
                            + "{\"value\":\"...\"}, not " + describe(element));
                }
                ObjectNode checked = NODES.objectNode();
                mergeInto(attribute, checked, (ObjectNode) element);
                if (!checked.isEmpty()) {
                    values.add(checked);
                }
            }
            return values;
        }

        private JsonNode simpleValue(AttributePath path, JsonNode value) {
            if (schema.isBoolean(path)) {
                if (!value.isBoolean()) {
                    throw ScimErrors.invalidValue("'" + path + "' must be true or false, not " + describe(value));
                }
                return value;
            }
            if (schema.isComplex(path)) {
                throw ScimErrors.invalidValue(
                        "'" + path + "' takes an object of sub-attributes, not " + describe(value));
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw ScimErrors.invalidValue("'" + path + "' must be a single "
                        + (schema.isDateTime(path) ? "dateTime string" : "string") + ", not " + describe(value));
            }
            return value;
        }

        private ObjectNode requireObject(AttributePath path, JsonNode value) {
            if (!value.isObject()) {
                throw ScimErrors.invalidValue("'" + path + "' takes an object of sub-attributes such as "
                        + "{\"value\":\"...\"}, not " + describe(value));
            }
            return (ObjectNode) value;
        }

        private void requireKnownSub(AttributePath attribute, AttributePath sub) {
            if (!schema.isKnown(sub) && !carriesUnknownSubAttributes(attribute)) {
                throw ScimErrors.invalidValue("'" + attribute + "' has no sub-attribute '" + sub.subAttribute() + "'");
            }
        }

        private boolean contains(AttributePath attribute, ArrayNode array, JsonNode candidate) {
            for (JsonNode element : array) {
                if (sameValue(attribute, element, candidate)) {
                    return true;
                }
            }
            return false;
        }

        /** Values are the same when their {@code value}s are (honouring caseExact), else when equal as JSON. */
        private boolean sameValue(AttributePath attribute, JsonNode left, JsonNode right) {
            JsonNode leftValue = CaseInsensitiveFields.get(left, "value");
            JsonNode rightValue = CaseInsensitiveFields.get(right, "value");
            if (isAbsentOrEmpty(leftValue) || isAbsentOrEmpty(rightValue)) {
                return left.equals(right);
            }
            if (leftValue.isTextual()
                    && rightValue.isTextual()
                    && !schema.isCaseExact(attribute.withSubAttribute("value"))) {
                return leftValue
                        .textValue()
                        .toLowerCase(Locale.ROOT)
                        .equals(rightValue.textValue().toLowerCase(Locale.ROOT));
            }
            return leftValue.equals(rightValue);
        }

        /**
         * RFC 7644 §3.5.2: setting "primary" to true on one value "SHALL cause the server to
         * automatically set 'primary' to 'false' for any other values in the array".
         */
        private void keepOnePrimary(ArrayNode array, Set<JsonNode> written) {
            if (written.stream().noneMatch(Patching::isPrimary)) {
                return;
            }
            for (JsonNode element : array) {
                if (!written.contains(element) && isPrimary(element)) {
                    ObjectNode other = (ObjectNode) element;
                    other.put(CaseInsensitiveFields.actualName(other, "primary").orElse("primary"), false);
                }
            }
        }

        private static boolean isPrimary(JsonNode element) {
            JsonNode primary = CaseInsensitiveFields.get(element, "primary");
            return primary != null && primary.isBoolean() && primary.booleanValue();
        }

        /** A value whose {@code value} was cleared means nothing any more (an email without an address). */
        private void dropValuesWithoutValue(ArrayNode array, AttributePath changedSub) {
            for (int index = array.size() - 1; index >= 0; index--) {
                JsonNode element = array.get(index);
                boolean valueCleared = changedSub != null
                        && changedSub.subAttribute().equalsIgnoreCase("value")
                        && isAbsentOrEmpty(CaseInsensitiveFields.get(element, "value"));
                if (element.isEmpty() || valueCleared) {
                    array.remove(index);
                }
            }
        }

        private String nameFor(ObjectNode target, AttributePath sub) {
            return CaseInsensitiveFields.actualName(target, sub.subAttribute())
                    .or(() -> schema.canonicalName(sub))
                    .orElse(sub.subAttribute());
        }

        /** Resolves where {@code path}'s attribute lives; {@code null} when its schema is unknown (ignored). */
        private Location locate(AttributePath path) {
            String urn = path.schemaUrn();
            boolean extension = urn != null && schema.isExtensionUrn(urn);
            boolean unknownUrn = urn != null && !extension && !schema.isCoreUrn(urn);
            AttributePath attribute = path.parent();
            if (unknownUrn && !schema.keepsUnknownAttributes()) {
                return null; // a group's unknown extension: ignored (CLIENTS.md §5.9)
            }
            if (!schema.isKnown(attribute) && !schema.keepsUnknownAttributes()) {
                throw ScimErrors.invalidPath(
                        "attribute '" + attribute + "' is not known" + (urn == null ? "" : " in schema '" + urn + "'"));
            }
            if (unknownUrn || !schema.isKnown(attribute)) {
                // Nothing silently dropped (issue #15): an attribute nobody declared is kept as sent.
                if (path.hasSubAttribute()) {
                    throw ScimErrors.invalidPath("attribute '" + attribute + "' is not known"
                            + (urn == null ? "" : " in schema '" + urn + "'")
                            + "; an undeclared attribute is written whole, not by sub-attribute");
                }
                return new Location(attribute, unknownUrn || extension ? urn : null, true);
            }
            if (path.hasSubAttribute() && !schema.isKnown(path) && !carriesUnknownSubAttributes(attribute)) {
                throw ScimErrors.invalidPath("'" + attribute + "' has no sub-attribute '" + path.subAttribute() + "'");
            }
            String container = extension
                    ? urn
                    : urn == null ? schema.extensionUrnOf(attribute).orElse(null) : null;
            boolean custom = container != null && CustomSchema.isUrn(container);
            return new Location(attribute, container, custom);
        }

        /** An attribute's place: the document itself, or the object of the extension defining it. */
        private final class Location {

            private final AttributePath attribute;
            private final String extensionUrn;
            /** Written as sent: an attribute nobody declared, or a company's declared one. */
            private final boolean verbatim;

            Location(AttributePath attribute, String extensionUrn, boolean verbatim) {
                this.attribute = attribute;
                this.extensionUrn = extensionUrn;
                this.verbatim = verbatim;
            }

            JsonNode get() {
                ObjectNode container = container(false);
                JsonNode value = container == null ? null : CaseInsensitiveFields.get(container, attribute.attribute());
                return value == null || value.isNull() ? null : value;
            }

            void set(JsonNode value) {
                ObjectNode container = container(true);
                String name = CaseInsensitiveFields.actualName(container, attribute.attribute())
                        .or(() -> schema.canonicalName(attribute))
                        .orElse(attribute.attribute());
                container.set(name, value);
            }

            void setOrRemoveWhenEmpty(JsonNode value) {
                if (value.isEmpty()) {
                    remove();
                } else {
                    set(value);
                }
            }

            void remove() {
                ObjectNode container = container(false);
                if (container == null) {
                    return;
                }
                CaseInsensitiveFields.actualName(container, attribute.attribute())
                        .ifPresent(container::remove);
                if (extensionUrn != null && container.isEmpty()) {
                    CaseInsensitiveFields.actualName(document, extensionUrn).ifPresent(document::remove);
                }
            }

            private ObjectNode container(boolean create) {
                if (extensionUrn == null) {
                    return document;
                }
                Optional<String> name = CaseInsensitiveFields.actualName(document, extensionUrn);
                JsonNode existing = name.map(document::get).orElse(null);
                if (existing != null && existing.isObject()) {
                    return (ObjectNode) existing;
                }
                if (!create) {
                    return null;
                }
                ObjectNode created = NODES.objectNode();
                name.ifPresent(document::remove);
                document.set(
                        name.orElseGet(() -> schema.canonicalUrn(extensionUrn).orElse(extensionUrn)), created);
                return created;
            }
        }

        private static Set<JsonNode> identitySet() {
            return Collections.newSetFromMap(new IdentityHashMap<>());
        }

        private static Set<JsonNode> identitySet(List<ObjectNode> nodes) {
            Set<JsonNode> set = identitySet();
            set.addAll(nodes);
            return set;
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "the string " + node;
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }
}
