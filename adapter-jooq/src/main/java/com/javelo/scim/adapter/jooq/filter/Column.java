package com.javelo.scim.adapter.jooq.filter;

import com.javelo.scim.domain.resource.CaseFolding;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * What a filterable SCIM attribute is in SQL: a column of the resource's row (with how its values
 * compare), or a multi-valued attribute held in a child table, reached through {@code EXISTS}.
 */
sealed interface Column {

    /** How values of a single column compare. */
    enum Kind {
        /** Text compared ignoring case: the column holds (or is read as) the lower-cased value. */
        TEXT_IGNORING_CASE,
        /** Text compared exactly (ids, externalId). */
        TEXT_EXACT,
        BOOLEAN,
        TIMESTAMP,
        /** A number (a company's integer or decimal attribute). */
        NUMBER
    }

    /**
     * @param text what a raw text value (as the resource holds it, e.g. a sorted cursor's) is in
     *     this column's terms, so that comparing it with {@code field} uses the expression the
     *     column is ordered by: {@code lower(?)} for {@code lower(column)}, the key a write stores
     *     for a key column
     */
    record Single(Field<?> field, Kind kind, Function<String, Field<String>> text) implements Column {

        /** A column that holds the value as sent (exact), or folded as {@link CaseFolding} folds it. */
        Single(Field<?> field, Kind kind) {
            this(field, kind, kind == Kind.TEXT_IGNORING_CASE ? raw -> DSL.val(CaseFolding.fold(raw)) : DSL::val);
        }
    }

    /**
     * A multi-valued attribute: {@code exists} wraps a condition on one child row into the
     * correlated {@code EXISTS}; {@code subAttributes} maps the child row's sub-attributes.
     */
    record Multi(Function<Condition, Condition> exists, Function<String, Single> subAttributes, String defaultSub)
            implements Column {}
}
