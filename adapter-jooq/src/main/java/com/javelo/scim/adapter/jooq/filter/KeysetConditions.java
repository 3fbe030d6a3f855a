package com.javelo.scim.adapter.jooq.filter;

import static com.javelo.scim.adapter.jooq.generated.Tables.SCIM_GROUPS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;

import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.paging.SortValue;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Where a cursor page starts (RFC 9865): the rows after the position in the list's order.
 *
 * <p>Unsorted, the row comparison {@code (created, id) > (?, ?)}, which PostgreSQL answers from
 * the index on {@code (tenant_id, created, id)} as a range, so a deep page costs what the first
 * one does. Sorted by {@code v} (the ORDER BY's own expression, e.g. {@code lower(title)}, and the
 * cursor's value made into the same expression, {@code lower(?)}), with NULLS LAST in both
 * directions and the tie-break ascending as the ORDER BY has them:
 *
 * <pre>
 * value p:  v &gt; p (&lt; p descending) OR (v = p AND (created, id) &gt; (?, ?)) OR v IS NULL
 * no value: v IS NULL AND (created, id) &gt; (?, ?)
 * </pre>
 */
public final class KeysetConditions {

    private KeysetConditions() {}

    /** @return the condition of a /Users cursor page, or none for a page without a position */
    public static Condition users(ResourceQuery query) {
        return query.afterIfAny()
                .map(position -> after(
                        position,
                        query.sortBy() == null ? null : ResourceColumns.userSortColumn(query.sortBy(), query.custom()),
                        query.ascending(),
                        USERS.CREATED,
                        USERS.ID))
                .orElse(DSL.noCondition());
    }

    /** @return the condition of a /Groups cursor page, or none for a page without a position */
    public static Condition groups(ResourceQuery query) {
        return query.afterIfAny()
                .map(position -> after(
                        position,
                        query.sortBy() == null ? null : ResourceColumns.groupSortColumn(query.sortBy()),
                        query.ascending(),
                        SCIM_GROUPS.CREATED,
                        SCIM_GROUPS.ID))
                .orElse(DSL.noCondition());
    }

    @SuppressWarnings("unchecked")
    private static Condition after(
            KeysetPosition position,
            Column.Single sort,
            boolean ascending,
            Field<OffsetDateTime> created,
            Field<String> id) {
        Condition tie = DSL.row(created, id).gt(position.created().atOffset(ZoneOffset.UTC), position.id());
        if (sort == null) {
            return tie;
        }
        Field<Object> v = (Field<Object>) sort.field();
        Optional<Field<?>> p = value(sort, position.sortValue());
        if (p.isEmpty()) {
            return v.isNull().and(tie);
        }
        Field<Object> value = (Field<Object>) p.get();
        return (ascending ? v.gt(value) : v.lt(value)).or(v.eq(value).and(tie)).or(v.isNull());
    }

    /**
     * @return the cursor's value in the terms of the sort column (the conversion a write applies to
     *     a value of that column), or empty where the column holds NULL for it
     */
    private static Optional<Field<?>> value(Column.Single column, SortValue value) {
        if (value instanceof SortValue.Absent) {
            return Optional.empty();
        }
        return switch (column.kind()) {
            case TEXT_EXACT, TEXT_IGNORING_CASE -> Optional.of(column.text().apply(text(value)));
            case BOOLEAN ->
                value instanceof SortValue.Bool bool ? Optional.of(DSL.val(bool.value())) : Optional.empty();
            case TIMESTAMP ->
                value instanceof SortValue.DateTime dateTime
                        ? Optional.of(DSL.val(dateTime.value().atOffset(ZoneOffset.UTC)))
                        : Optional.empty();
            // The values table's NUMERIC(60, 20), as AttributeValues writes it.
            case NUMBER ->
                value instanceof SortValue.Number number
                        ? Optional.of(DSL.val(number.value().setScale(20, RoundingMode.HALF_EVEN)))
                        : Optional.empty();
        };
    }

    private static String text(SortValue value) {
        if (value instanceof SortValue.Text text) {
            return text.value();
        }
        if (value instanceof SortValue.Number number) {
            return number.value().toString();
        }
        if (value instanceof SortValue.DateTime dateTime) {
            return dateTime.value().toString();
        }
        return String.valueOf(((SortValue.Bool) value).value());
    }
}
