package com.javelo.scim.adapter.jooq.filter;

import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USER_ATTRIBUTE_VALUES;

import com.javelo.scim.adapter.jooq.filter.Column.Kind;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.domain.user.CustomAttributes;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A company's declared attribute as SQL: its rows of {@code user_attribute_values}, reached by a
 * correlated {@code EXISTS} (for a multi-valued attribute any value matches, and {@code ne} means
 * no value equals; for a single-valued one, the value it shows, its first), compared in the typed
 * column of its declared type, each behind an index that leads with {@code (tenant_id, name_key, …)}.
 */
final class CustomAttributeColumns {

    private CustomAttributeColumns() {}

    static Column of(AttributeDefinition attribute) {
        Field<String> key = DSL.val(CustomAttributes.key(attribute.name()));
        Column.Single value = value(attribute);
        return new Column.Multi(
                condition -> attribute.multiValued() ? anyValue(key, condition) : shownValue(key, condition),
                sub -> {
                    if (!sub.equalsIgnoreCase("value")) {
                        throw ScimErrors.invalidFilter("'" + attribute.name() + "' has no sub-attribute '" + sub + "'");
                    }
                    return value;
                },
                "value");
    }

    /**
     * Whether one of the user's values of the attribute named {@code key} meets {@code condition}:
     * the one SQL form of a declared attribute's comparison, for {@link #of} and for the look-up
     * statement rendered once ({@link FilterToCondition#declaredTextEquality}).
     */
    static Condition anyValue(Field<String> key, Condition condition) {
        return DSL.exists(DSL.selectOne()
                .from(USER_ATTRIBUTE_VALUES)
                .where(valuesOfUser(key).and(condition)));
    }

    /**
     * Whether the value a single-valued attribute shows meets {@code condition}: its first (ordinal
     * 0), the one a resource returns and sorts by. An attribute declared multi-valued before may
     * keep more values; they are not shown, so they do not match either (as on every store).
     */
    static Condition shownValue(Field<String> key, Condition condition) {
        return anyValue(key, USER_ATTRIBUTE_VALUES.ORDINAL.eq(DSL.inline(0)).and(condition));
    }

    /** The row of the value a single-valued attribute shows, for a join to {@code users}: at most one a user. */
    static Condition shownValueRow(Field<String> key) {
        return valuesOfUser(key).and(USER_ATTRIBUTE_VALUES.ORDINAL.eq(DSL.inline(0)));
    }

    private static Condition valuesOfUser(Field<String> key) {
        return USER_ATTRIBUTE_VALUES
                .TENANT_ID
                .eq(USERS.TENANT_ID)
                .and(USER_ATTRIBUTE_VALUES.USER_ID.eq(USERS.ID))
                .and(USER_ATTRIBUTE_VALUES.NAME_KEY.eq(key));
    }

    /**
     * The value a single-valued attribute sorts by (a correlated scalar subquery of its typed
     * column), compared as that column compares.
     */
    static Column.Single sortColumn(AttributeDefinition attribute) {
        Column.Single value = value(attribute);
        return new Column.Single(sortValue(attribute, value.field()), value.kind(), value.text());
    }

    private static Field<?> sortValue(AttributeDefinition attribute, Field<?> column) {
        return DSL.field(DSL.select(column)
                .from(USER_ATTRIBUTE_VALUES)
                .where(USER_ATTRIBUTE_VALUES
                        .TENANT_ID
                        .eq(USERS.TENANT_ID)
                        .and(USER_ATTRIBUTE_VALUES.USER_ID.eq(USERS.ID))
                        .and(USER_ATTRIBUTE_VALUES.NAME_KEY.eq(CustomAttributes.key(attribute.name())))
                        .and(USER_ATTRIBUTE_VALUES.ORDINAL.eq(0))));
    }

    private static Column.Single value(AttributeDefinition attribute) {
        return switch (attribute.type()) {
            case BOOLEAN -> new Column.Single(USER_ATTRIBUTE_VALUES.VALUE_BOOL, Kind.BOOLEAN);
            case INTEGER, DECIMAL -> new Column.Single(USER_ATTRIBUTE_VALUES.VALUE_NUM, Kind.NUMBER);
            case DATE_TIME -> new Column.Single(USER_ATTRIBUTE_VALUES.VALUE_TS, Kind.TIMESTAMP);
            case REFERENCE -> new Column.Single(USER_ATTRIBUTE_VALUES.VALUE_TEXT, Kind.TEXT_EXACT);
            default ->
                attribute.caseExact()
                        ? new Column.Single(USER_ATTRIBUTE_VALUES.VALUE_TEXT, Kind.TEXT_EXACT)
                        : new Column.Single(USER_ATTRIBUTE_VALUES.VALUE_KEY, Kind.TEXT_IGNORING_CASE);
        };
    }
}
