package com.javelo.scim.adapter.jooq.filter;

import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_ATTRIBUTE_VALUES;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.filter.ComparisonOperator;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterVisitor;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.resource.CaseFolding;
import com.javelo.scim.domain.user.CustomAttributes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Translates the core's filter tree into one SQL condition, with the comparison rules of the
 * in-memory evaluator (the contract suite holds both to the same results): case-insensitive
 * attributes compare lower-cased, {@code ne} holds when the attribute is absent, multi-valued
 * attributes match when any value does. Every leaf is null-safe, so {@code not} means what SCIM means.
 */
public final class FilterToCondition implements FilterVisitor<Condition> {

    private final Function<AttributePath, Column> columns;

    private FilterToCondition(Function<AttributePath, Column> columns) {
        this.columns = columns;
    }

    public static Condition users(Filter filter) {
        return filter.accept(new FilterToCondition(ResourceColumns::user));
    }

    /** A company's users: its declared attributes (named with their URN by the core's check) compare by type. */
    public static Condition users(Filter filter, CustomSchema custom) {
        return filter.accept(new FilterToCondition(path -> ResourceColumns.user(path, custom)));
    }

    public static Condition groups(Filter filter) {
        return filter.accept(new FilterToCondition(ResourceColumns::group));
    }

    /**
     * A filter that is a single text {@code eq} on a column of the user's row: the look-ups IdPs
     * send before every push ({@code userName eq "…"}, {@code externalId eq "…"}). The store runs
     * those with a statement rendered once, built from {@link #textEquals} like every other comparison.
     *
     * @param column the row's column, @param value the value as the column holds it (lower-cased
     *               for attributes compared ignoring case)
     */
    public record TextEquality(Field<String> column, String value) {}

    public static Optional<TextEquality> userTextEquality(Filter filter) {
        return textEquality(filter, ResourceColumns::user);
    }

    @SuppressWarnings("unchecked")
    private static Optional<TextEquality> textEquality(Filter filter, Function<AttributePath, Column> columns) {
        if (!(filter instanceof Filter.Comparison comparison)
                || comparison.operator() != ComparisonOperator.EQ
                || !comparison.value().isTextual()
                || CustomSchema.isUrn(comparison.path().schemaUrn())) {
            return Optional.empty();
        }
        if (!(columns.apply(comparison.path()) instanceof Column.Single column)) {
            return Optional.empty();
        }
        boolean text = column.kind() == Column.Kind.TEXT_IGNORING_CASE || column.kind() == Column.Kind.TEXT_EXACT;
        return text
                ? Optional.of(new TextEquality((Field<String>) column.field(), asStored(column, comparison.value())))
                : Optional.empty();
    }

    /**
     * A filter that is a single text {@code eq} on a company's declared attribute, the look-up of a
     * company that matches people by its own key ({@code urn:…:javelo:2.0:User:employeeCode eq "E1"}):
     * run, like {@link #userTextEquality}, with a statement rendered once, from {@link #declaredTextEquals}.
     *
     * @param column the typed value column, @param nameKey the attribute's stored name, @param value
     *               the value as the column holds it, @param multiValued whether any of the user's
     *               values matches (else the one it shows)
     */
    public record DeclaredTextEquality(Field<String> column, String nameKey, String value, boolean multiValued) {}

    @SuppressWarnings("unchecked")
    public static Optional<DeclaredTextEquality> declaredTextEquality(Filter filter, CustomSchema custom) {
        if (!(filter instanceof Filter.Comparison comparison)
                || comparison.operator() != ComparisonOperator.EQ
                || !comparison.value().isTextual()
                || !CustomSchema.isUrn(comparison.path().schemaUrn())) {
            return Optional.empty();
        }
        Optional<AttributeDefinition> attribute =
                custom.attribute(comparison.path().attribute());
        if (attribute.isEmpty() || !(ResourceColumns.user(comparison.path(), custom) instanceof Column.Multi multi)) {
            return Optional.empty();
        }
        String sub = comparison.path().subAttribute();
        Column.Single column = multi.subAttributes().apply(sub == null ? multi.defaultSub() : sub);
        boolean text = column.kind() == Column.Kind.TEXT_IGNORING_CASE || column.kind() == Column.Kind.TEXT_EXACT;
        return text
                ? Optional.of(new DeclaredTextEquality(
                        (Field<String>) column.field(),
                        CustomAttributes.key(attribute.get().name()),
                        asStored(column, comparison.value()),
                        attribute.get().multiValued()))
                : Optional.empty();
    }

    /** {@code <declared attribute> eq value}: one of the user's values of the attribute equals it. */
    public static Condition declaredTextEquals(Field<String> nameKey, Field<String> column, Field<String> value) {
        return CustomAttributeColumns.anyValue(nameKey, textEquals(column, value));
    }

    /**
     * {@code users} joined to the value a single-valued declared attribute shows: at most one row a
     * user, so its look-up needs no semi-join (PostgreSQL de-duplicates an {@code EXISTS}'s rows
     * first, which made the look-up 37 % slower to execute than userName's, docs/benchmarks.md).
     */
    public static Table<Record> usersWithShownValue(Field<String> nameKey) {
        return USERS.join(USER_ATTRIBUTE_VALUES).on(CustomAttributeColumns.shownValueRow(nameKey));
    }

    /** A text value as the column holds it: attributes compared ignoring case are stored lower-cased. */
    private static String asStored(Column.Single column, JsonNode value) {
        return column.kind() == Column.Kind.TEXT_IGNORING_CASE ? CaseFolding.fold(value.asText()) : value.asText();
    }

    /** {@code column eq value} as a SCIM filter means it: a present value equal to the given one. */
    public static Condition textEquals(Field<String> column, Field<String> value) {
        return column.isNotNull().and(column.eq(value));
    }

    @Override
    public Condition visitAnd(Filter.And and) {
        return and.left().accept(this).and(and.right().accept(this));
    }

    @Override
    public Condition visitOr(Filter.Or or) {
        return or.left().accept(this).or(or.right().accept(this));
    }

    @Override
    public Condition visitNot(Filter.Not not) {
        return DSL.not(not.inner().accept(this));
    }

    @Override
    public Condition visitPresent(Filter.Present present) {
        Column column = columns.apply(present.path());
        if (column instanceof Column.Multi multi) {
            Column.Single sub = multi.subAttributes()
                    .apply(
                            present.path().subAttribute() == null
                                    ? multi.defaultSub()
                                    : present.path().subAttribute());
            return multi.exists().apply(present(sub));
        }
        return present((Column.Single) column);
    }

    @Override
    public Condition visitComparison(Filter.Comparison comparison) {
        Column column = columns.apply(comparison.path());
        if (column instanceof Column.Multi multi) {
            Column.Single sub = multi.subAttributes()
                    .apply(
                            comparison.path().subAttribute() == null
                                    ? multi.defaultSub()
                                    : comparison.path().subAttribute());
            if (comparison.operator() == ComparisonOperator.NE) {
                // "No value equals": the negation of "some value equals".
                return DSL.not(multi.exists().apply(compare(sub, ComparisonOperator.EQ, comparison)));
            }
            return multi.exists().apply(compare(sub, comparison.operator(), comparison));
        }
        return compare((Column.Single) column, comparison.operator(), comparison);
    }

    @Override
    public Condition visitValuePath(Filter.ValuePath valuePath) {
        Column column = columns.apply(valuePath.attribute());
        if (!(column instanceof Column.Multi multi)) {
            throw ScimErrors.invalidFilter("'" + valuePath.attribute() + "' is not a multi-valued attribute; "
                    + "a value filter [...] applies to emails or members");
        }
        FilterToCondition inner = new FilterToCondition(path -> {
            if (path.schemaUrn() != null || path.hasSubAttribute()) {
                throw ScimErrors.invalidFilter("inside " + valuePath.attribute() + "[...] name a sub-attribute "
                        + "such as value or type, not '" + path + "'");
            }
            return multi.subAttributes().apply(path.attribute());
        });
        return multi.exists().apply(valuePath.valueFilter().accept(inner));
    }

    private static Condition present(Column.Single column) {
        Field<?> field = column.field();
        if (column.kind() == Column.Kind.TEXT_EXACT || column.kind() == Column.Kind.TEXT_IGNORING_CASE) {
            @SuppressWarnings("unchecked")
            Field<String> text = (Field<String>) field;
            return text.isNotNull().and(text.ne(""));
        }
        return field.isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static Condition compare(Column.Single column, ComparisonOperator operator, Filter.Comparison comparison) {
        JsonNode value = comparison.value();
        if (value.isNull()) {
            if (operator == ComparisonOperator.EQ) {
                return column.field().isNull();
            }
            if (operator == ComparisonOperator.NE) {
                return column.field().isNotNull();
            }
            throw ScimErrors.invalidFilter("only eq and ne compare with null, not '" + comparison.path() + " "
                    + operator.wireValue() + " null'");
        }
        switch (column.kind()) {
            case BOOLEAN:
                return booleanComparison((Field<Boolean>) column.field(), operator, comparison);
            case TIMESTAMP:
                return timestampComparison((Field<OffsetDateTime>) column.field(), operator, comparison);
            case NUMBER:
                return numberComparison((Field<BigDecimal>) column.field(), operator, comparison);
            default:
                return textComparison((Field<String>) column.field(), operator, asStored(column, value));
        }
    }

    private static Condition textComparison(Field<String> field, ComparisonOperator operator, String value) {
        switch (operator) {
            case EQ:
                return textEquals(field, DSL.val(value, field));
            case NE:
                return field.isNull().or(field.ne(value));
            case CO:
                return field.isNotNull().and(field.like("%" + escape(value) + "%", '!'));
            case SW:
                return field.isNotNull().and(field.like(escape(value) + "%", '!'));
            case EW:
                return field.isNotNull().and(field.like("%" + escape(value), '!'));
            case GT:
                return field.isNotNull().and(field.gt(value));
            case GE:
                return field.isNotNull().and(field.ge(value));
            case LT:
                return field.isNotNull().and(field.lt(value));
            case LE:
                return field.isNotNull().and(field.le(value));
            default:
                throw new IllegalStateException("unhandled operator " + operator);
        }
    }

    private static Condition booleanComparison(
            Field<Boolean> field, ComparisonOperator operator, Filter.Comparison comparison) {
        JsonNode value = comparison.value();
        Boolean wanted = value.isBoolean()
                ? Boolean.valueOf(value.booleanValue())
                : value.isTextual() && value.textValue().equalsIgnoreCase("true")
                        ? Boolean.TRUE
                        : value.isTextual() && value.textValue().equalsIgnoreCase("false") ? Boolean.FALSE : null;
        if (wanted == null) {
            throw ScimErrors.invalidFilter("'" + comparison.path() + "' is a boolean; compare it with true or false");
        }
        if (operator == ComparisonOperator.EQ) {
            return field.isNotNull().and(field.eq(wanted));
        }
        if (operator == ComparisonOperator.NE) {
            return field.isNull().or(field.ne(wanted));
        }
        throw ScimErrors.invalidFilter("'" + comparison.path() + "' is a boolean; only eq, ne and pr apply to it");
    }

    private static Condition timestampComparison(
            Field<OffsetDateTime> field, ComparisonOperator operator, Filter.Comparison comparison) {
        OffsetDateTime instant;
        try {
            instant = OffsetDateTime.parse(comparison.value().asText());
        } catch (DateTimeParseException e) {
            throw ScimErrors.invalidFilter("'" + comparison.path() + "' is a dateTime; compare it with an "
                    + "xsd:dateTime such as \"2026-01-01T00:00:00Z\", not '"
                    + comparison.value().asText() + "'");
        }
        switch (operator) {
            case EQ:
                return field.isNotNull().and(field.eq(instant));
            case NE:
                return field.isNull().or(field.ne(instant));
            case GT:
                return field.isNotNull().and(field.gt(instant));
            case GE:
                return field.isNotNull().and(field.ge(instant));
            case LT:
                return field.isNotNull().and(field.lt(instant));
            case LE:
                return field.isNotNull().and(field.le(instant));
            default:
                throw ScimErrors.invalidFilter("'" + comparison.path() + "' is a dateTime; co, sw and ew do not apply");
        }
    }

    private static Condition numberComparison(
            Field<BigDecimal> field, ComparisonOperator operator, Filter.Comparison comparison) {
        JsonNode value = comparison.value();
        BigDecimal number = value.isNumber()
                ? value.decimalValue()
                : value.isTextual()
                        ? CustomSchema.decimal(value.textValue().strip()).orElse(null)
                        : null;
        if (number == null) {
            throw ScimErrors.invalidFilter(
                    "'" + comparison.path() + "' is a number; compare it with a number such as " + "42, not " + value);
        }
        switch (operator) {
            case EQ:
                return field.isNotNull().and(field.eq(number));
            case NE:
                return field.isNull().or(field.ne(number));
            case GT:
                return field.isNotNull().and(field.gt(number));
            case GE:
                return field.isNotNull().and(field.ge(number));
            case LT:
                return field.isNotNull().and(field.lt(number));
            case LE:
                return field.isNotNull().and(field.le(number));
            default:
                throw ScimErrors.invalidFilter("'" + comparison.path() + "' is a number; co, sw and ew do not apply");
        }
    }

    private static String escape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
