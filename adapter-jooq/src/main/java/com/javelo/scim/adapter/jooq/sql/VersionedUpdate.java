package com.javelo.scim.adapter.jooq.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateConditionStep;
import org.jooq.impl.DSL;

/**
 * {@code update table set <every column but the key> where <key> and version = <expected>}: the
 * optimistic write of a resource row, bound from the new row and the version it was read at.
 */
public final class VersionedUpdate<R extends Record> implements Parameters {

    private final Table<R> table;
    private final List<Field<?>> keyColumns;
    private final Field<Long> version;
    private final ColumnParams set;
    private final ColumnParams key;
    private final Param<Long> expected;

    private VersionedUpdate(Table<R> table, List<Field<?>> keyColumns, Field<Long> version) {
        List<Field<?>> changed = new ArrayList<>(List.of(table.fields()));
        changed.removeAll(keyColumns);
        this.set = ColumnParams.of("", changed);
        this.key = ColumnParams.of("key_", keyColumns);
        this.expected = Param.of("expected_version", version);
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.version = version;
    }

    private <T> org.jooq.Condition keyCondition(Field<T> column) {
        return column.eq(key.of(column).field());
    }

    public static <R extends Record> VersionedUpdate<R> of(Table<R> table, List<Field<?>> key, Field<Long> version) {
        return new VersionedUpdate<>(table, key, version);
    }

    /**
     * A new template each time (jOOQ's builders change in place: one composed into a larger
     * statement gets a {@code RETURNING}), to run as is ({@link PreRendered#of}{@code (template(), this)})
     * or compose into a larger statement.
     */
    public UpdateConditionStep<R> template() {
        List<Field<?>> changed = set.columns();
        List<Field<?>> values = set.fields();
        Map<Field<?>, Object> assignments = new LinkedHashMap<>();
        for (int i = 0; i < changed.size(); i++) {
            assignments.put(changed.get(i), values.get(i));
        }
        return DSL.update(table)
                .set(assignments)
                .where(DSL.and(keyColumns.stream().map(this::keyCondition).toList())
                        .and(version.eq(expected.field())));
    }

    /** Binds {@code row} as the new row, to be written if the stored one is at {@code expectedVersion}. */
    public PreRendered.Call bind(PreRendered.Call call, Record row, long expectedVersion) {
        return call.withColumns(set, row).withColumns(key, row).with(expected, expectedVersion);
    }

    @Override
    public List<Param<?>> params() {
        List<Param<?>> params = new ArrayList<>(set.params());
        params.addAll(key.params());
        params.add(expected);
        return params;
    }
}
