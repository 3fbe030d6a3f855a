package com.javelo.scim.core.protocol.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.CaseInsensitiveFields;
import com.javelo.scim.core.protocol.patch.quirks.BooleanStrings;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a {@link Filter} against a resource's SCIM JSON (RFC 7644 §3.4.2.2), for the in-memory
 * adapters and for PATCH value filters. Attribute names match case-insensitively; an unqualified
 * name also finds attributes inside extension objects ({@code employeeNumber}); a multi-valued
 * attribute matches when any value does; a complex attribute compared without a sub-attribute
 * compares its {@code value} ({@code members eq "id"}); strings compare ignoring case unless the
 * attribute is case-exact; dateTimes compare as instants; {@code ne} holds when no value equals,
 * so also when the attribute is absent.
 *
 * <p>For example:
 * <pre>{@code
 * new InMemoryFilterEvaluator(ScimUserGroupCharacteristics.users())
 *         .matches(FilterParser.parse("emails[type eq \"work\"].value eq \"a@x.com\""), user);
 * }</pre>
 */
public final class InMemoryFilterEvaluator {

    private final AttributeCharacteristics schema;

    public InMemoryFilterEvaluator(AttributeCharacteristics schema) {
        this.schema = schema;
    }

    /** @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidFilter} for a comparison that makes no sense */
    public boolean matches(Filter filter, JsonNode resource) {
        return filter.accept(new Evaluation(resource, null));
    }

    /**
     * @return whether one value of the multi-valued {@code attribute} satisfies a value filter whose
     *     paths are relative to that value, e.g. {@code type eq "work"} for an element of {@code emails}
     */
    public boolean matchesValue(Filter valueFilter, AttributePath attribute, JsonNode value) {
        return valueFilter.accept(new Evaluation(value, attribute.parent()));
    }

    /** Evaluates against {@code context}: the resource, or one value of {@code owner} inside a value filter. */
    private final class Evaluation implements FilterVisitor<Boolean> {

        private final JsonNode context;
        private final AttributePath owner;

        Evaluation(JsonNode context, AttributePath owner) {
            this.context = context;
            this.owner = owner;
        }

        @Override
        public Boolean visitComparison(Filter.Comparison comparison) {
            AttributePath path = qualified(comparison.path());
            AttributePath compared =
                    !path.hasSubAttribute() && schema.isComplex(path) ? path.withSubAttribute("value") : path;
            List<JsonNode> values = leaves(comparison.path(), true);
            return compare(compared, comparison.operator(), comparison.value(), values);
        }

        @Override
        public Boolean visitPresent(Filter.Present present) {
            return leaves(present.path(), false).stream().anyMatch(InMemoryFilterEvaluator::isPresent);
        }

        @Override
        public Boolean visitAnd(Filter.And and) {
            return and.left().accept(this) && and.right().accept(this);
        }

        @Override
        public Boolean visitOr(Filter.Or or) {
            return or.left().accept(this) || or.right().accept(this);
        }

        @Override
        public Boolean visitNot(Filter.Not not) {
            return !not.inner().accept(this);
        }

        @Override
        public Boolean visitValuePath(Filter.ValuePath valuePath) {
            if (owner != null) {
                throw ScimErrors.invalidFilter("value filters can't be nested: '" + valuePath.attribute()
                        + "[...]' inside '" + owner + "[...]'");
            }
            JsonNode attribute = attributeNode(valuePath.attribute());
            if (attribute == null || attribute.isNull()) {
                return false;
            }
            for (JsonNode element : elements(attribute)) {
                Evaluation inner = new Evaluation(element, valuePath.attribute().parent());
                if (valuePath.valueFilter().accept(inner)) {
                    return true;
                }
            }
            return false;
        }

        private AttributePath qualified(AttributePath path) {
            if (owner == null) {
                return path;
            }
            if (path.hasSubAttribute() || path.schemaUrn() != null) {
                throw ScimErrors.invalidFilter("inside '" + owner + "[...]' name a sub-attribute of '"
                        + owner.attribute() + "' such as 'type' or 'value', not '" + path + "'");
            }
            return owner.withSubAttribute(path.attribute());
        }

        /** The values a comparison or presence test looks at, JSON nulls left out. */
        private List<JsonNode> leaves(AttributePath path, boolean complexAsValue) {
            List<JsonNode> leaves = new ArrayList<>();
            if (owner != null) {
                qualified(path);
                JsonNode node = context.isObject()
                        ? CaseInsensitiveFields.get(context, path.attribute())
                        : path.attribute().equalsIgnoreCase("value") ? context : null;
                collect(node, null, complexAsValue, leaves);
                return leaves;
            }
            collect(attributeNode(path), path.subAttribute(), complexAsValue, leaves);
            return leaves;
        }

        private JsonNode attributeNode(AttributePath path) {
            if (path.schemaUrn() != null && !schema.isCoreUrn(path.schemaUrn())) {
                return CaseInsensitiveFields.get(
                        CaseInsensitiveFields.get(context, path.schemaUrn()), path.attribute());
            }
            JsonNode node = CaseInsensitiveFields.get(context, path.attribute());
            if (node != null || path.schemaUrn() != null || context == null || !context.isObject()) {
                return node;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = context.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().regionMatches(true, 0, "urn:", 0, 4)
                        && field.getValue().isObject()) {
                    JsonNode inExtension = CaseInsensitiveFields.get(field.getValue(), path.attribute());
                    if (inExtension != null) {
                        return inExtension;
                    }
                }
            }
            return null;
        }
    }

    private static void collect(JsonNode node, String subAttribute, boolean complexAsValue, List<JsonNode> out) {
        if (node == null || node.isNull()) {
            return;
        }
        for (JsonNode element : elements(node)) {
            JsonNode leaf = element;
            if (subAttribute != null) {
                leaf = CaseInsensitiveFields.get(element, subAttribute);
            } else if (complexAsValue && element.isObject()) {
                leaf = CaseInsensitiveFields.get(element, "value");
            }
            if (leaf == null || leaf.isNull()) {
                continue;
            }
            if (leaf.isArray() && subAttribute != null) {
                leaf.forEach(item -> {
                    if (!item.isNull()) {
                        out.add(item);
                    }
                });
            } else {
                out.add(leaf);
            }
        }
    }

    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else {
            elements.add(node);
        }
        return elements;
    }

    private static boolean isPresent(JsonNode value) {
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isNull() && isPresent(element)) {
                    return true;
                }
            }
            return false;
        }
        if (value.isObject()) {
            return value.size() > 0;
        }
        return !value.isNull() && !value.isMissingNode();
    }

    private boolean compare(AttributePath path, ComparisonOperator operator, JsonNode literal, List<JsonNode> values) {
        if (literal == null || literal.isNull()) {
            return switch (operator) {
                case EQ -> values.isEmpty();
                case NE -> !values.isEmpty();
                default ->
                    throw ScimErrors.invalidFilter("'" + path + " " + operator.wireValue()
                            + " null' makes no sense; only eq and ne compare with null");
            };
        }
        if (operator == ComparisonOperator.NE) {
            return !compare(path, ComparisonOperator.EQ, literal, values);
        }
        if (schema.isBoolean(path) || literal.isBoolean()) {
            return compareBooleans(path, operator, literal, values);
        }
        if (schema.isDateTime(path) && isOrdering(operator)) {
            return compareDateTimes(path, operator, literal, values);
        }
        if (schema.isDateTime(path) && operator == ComparisonOperator.EQ) {
            Instant expected = dateTime(path, literal);
            return values.stream()
                    .map(InMemoryFilterEvaluator::parseInstant)
                    .anyMatch(actual -> actual.isPresent() && actual.get().equals(expected));
        }
        if (literal.isNumber()) {
            return compareNumbers(path, operator, literal, values);
        }
        if (!literal.isTextual()) {
            throw ScimErrors.invalidFilter("'" + path + " " + operator.wireValue()
                    + "' needs a string, number, boolean or null to compare with");
        }
        boolean caseExact = schema.isCaseExact(path);
        String expected = caseExact ? literal.textValue() : lower(literal.textValue());
        for (JsonNode value : values) {
            if (!value.isValueNode()) {
                continue;
            }
            String actual = caseExact ? value.asText() : lower(value.asText());
            if (matchesText(operator, actual, expected)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesText(ComparisonOperator operator, String actual, String expected) {
        return switch (operator) {
            case EQ -> actual.equals(expected);
            case CO -> actual.contains(expected);
            case SW -> actual.startsWith(expected);
            case EW -> actual.endsWith(expected);
            case GT -> actual.compareTo(expected) > 0;
            case GE -> actual.compareTo(expected) >= 0;
            case LT -> actual.compareTo(expected) < 0;
            case LE -> actual.compareTo(expected) <= 0;
            case NE -> !actual.equals(expected);
        };
    }

    private static boolean compareBooleans(
            AttributePath path, ComparisonOperator operator, JsonNode literal, List<JsonNode> values) {
        if (operator != ComparisonOperator.EQ) {
            throw ScimErrors.invalidFilter(
                    "'" + operator.wireValue() + "' doesn't apply to the boolean '" + path + "'; use eq or ne");
        }
        Optional<Boolean> expected = booleanOf(literal);
        if (expected.isEmpty()) {
            throw ScimErrors.invalidFilter(
                    "'" + path + "' is a boolean; compare it with true or false, not " + literal);
        }
        return values.stream().map(InMemoryFilterEvaluator::booleanOf).anyMatch(expected::equals);
    }

    private static boolean compareDateTimes(
            AttributePath path, ComparisonOperator operator, JsonNode literal, List<JsonNode> values) {
        Instant expected = dateTime(path, literal);
        for (JsonNode value : values) {
            Optional<Instant> actual = parseInstant(value);
            if (actual.isPresent() && ordered(operator, actual.get().compareTo(expected))) {
                return true;
            }
        }
        return false;
    }

    private static boolean compareNumbers(
            AttributePath path, ComparisonOperator operator, JsonNode literal, List<JsonNode> values) {
        if (operator == ComparisonOperator.CO
                || operator == ComparisonOperator.SW
                || operator == ComparisonOperator.EW) {
            throw ScimErrors.invalidFilter("'" + operator.wireValue() + "' compares strings; '" + path + " "
                    + operator.wireValue() + " " + literal + "' compares a number");
        }
        BigDecimal expected = literal.decimalValue();
        for (JsonNode value : values) {
            if (value.isNumber() && ordered(operator, value.decimalValue().compareTo(expected))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ordered(ComparisonOperator operator, int comparison) {
        return switch (operator) {
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> comparison == 0;
        };
    }

    private static boolean isOrdering(ComparisonOperator operator) {
        return operator == ComparisonOperator.GT
                || operator == ComparisonOperator.GE
                || operator == ComparisonOperator.LT
                || operator == ComparisonOperator.LE;
    }

    private static Instant dateTime(AttributePath path, JsonNode literal) {
        return parseInstant(literal)
                .orElseThrow(() -> ScimErrors.invalidFilter("'" + path
                        + "' is a dateTime; compare it with a string like \"2015-10-10T14:38:21Z\", not " + literal));
    }

    /** @return the instant a dateTime value names (with or without an offset, or a bare date), if it names one */
    public static Optional<Instant> parseInstant(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        String text = node.textValue().strip();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            // xsd:dateTime allows a missing offset; read it as UTC
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // a bare date is still a point in time worth comparing
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** Entra sends booleans as {@code "True"}/{@code "False"}; stored values may carry them too. */
    private static Optional<Boolean> booleanOf(JsonNode node) {
        return BooleanStrings.read(node);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
