package com.javelo.scim.adapter.jooq.filter;

import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;

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

    record Single(Field<?> field, Kind kind) implements Column {}

    /**
     * A multi-valued attribute: {@code exists} wraps a condition on one child row into the
     * correlated {@code EXISTS}; {@code subAttributes} maps the child row's sub-attributes.
     */
    record Multi(Function<Condition, Condition> exists, Function<String, Single> subAttributes, String defaultSub)
            implements Column {}
}
