package com.javelo.scim.adapter.jooq.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A row that a statement repeats once per value (a person's emails, a change's events): typed
 * columns, each read from the value. {@link #rows} declares the parameters of {@code n} rows,
 * named here, once per shape; a call binds a list of values ({@link PreRendered.Call#withRows}).
 *
 * <pre>{@code
 * RowParams<MultiValue> EMAIL = RowParams.<MultiValue>named("email")
 *         .column(USER_EMAILS.EMAIL, MultiValue::value).ordinal(USER_EMAILS.ORDINAL).build();
 * RowParams.Rows<MultiValue> two = EMAIL.rows(2);
 * PreRendered insert = PreRendered.of(DSL.insertInto(USER_EMAILS, EMAIL.columns())
 *         .values(two.fields(0)).values(two.fields(1)), two);
 * insert.call().withRows(two, emails).execute(dsl);
 * }</pre>
 *
 * @param <V> what one row is written from
 */
public final class RowParams<V> {

    private final String name;
    private final List<Column<V, ?>> columns;

    /** A column whose value is read from each row's value, or (no reader) the row's index, inlined. */
    private record Column<V, T>(Field<T> column, Function<? super V, ? extends T> value) {

        Slot<V, T> slot(String prefix) {
            return new Slot<>(Param.of(prefix + column.getName(), column), value);
        }
    }

    /** One parameter of one row, and how its value is read. */
    record Slot<V, T>(Param<T> param, Function<? super V, ? extends T> value) {

        void bind(PreRendered.Call call, V row) {
            call.with(param, value.apply(row));
        }
    }

    private RowParams(String name, List<Column<V, ?>> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    /** @param name starts the names of the rows' parameters (unique within a statement) */
    public static <V> Builder<V> named(String name) {
        return new Builder<>(name);
    }

    public static final class Builder<V> {
        private final String name;
        private final List<Column<V, ?>> columns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** A column bound from each row's value. */
        public <T> Builder<V> column(Field<T> column, Function<? super V, ? extends T> value) {
            columns.add(new Column<>(column, value));
            return this;
        }

        /** A column holding the row's index (0, 1, …), written into the SQL: it has no parameter. */
        public Builder<V> ordinal(Field<Integer> column) {
            columns.add(new Column<V, Integer>(column, null));
            return this;
        }

        public RowParams<V> build() {
            return new RowParams<>(name, columns);
        }
    }

    /** @return the columns, in the order of each row's {@link Rows#fields} */
    public List<Field<?>> columns() {
        return columns.stream().<Field<?>>map(Column::column).toList();
    }

    /** @return the parameters of {@code count} rows (render the statement once per count) */
    public Rows<V> rows(int count) {
        List<List<Slot<V, ?>>> rows = new ArrayList<>();
        List<List<Field<?>>> fields = new ArrayList<>();
        List<Param<?>> params = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Slot<V, ?>> slots = new ArrayList<>();
            List<Field<?>> values = new ArrayList<>();
            for (Column<V, ?> column : columns) {
                if (column.value() == null) {
                    values.add(DSL.inline(i));
                } else {
                    Slot<V, ?> slot = column.slot(name + i + "_");
                    slots.add(slot);
                    params.add(slot.param());
                    values.add(slot.param().field());
                }
            }
            rows.add(List.copyOf(slots));
            fields.add(List.copyOf(values));
        }
        return new Rows<>(name, List.copyOf(rows), List.copyOf(fields), Collections.unmodifiableList(params));
    }

    /** The parameters of a fixed number of rows: declare them with the statement, bind a list of that size. */
    public static final class Rows<V> implements Parameters {
        private final String name;
        private final List<List<Slot<V, ?>>> slots;
        private final List<List<Field<?>>> fields;
        private final List<Param<?>> params;

        private Rows(String name, List<List<Slot<V, ?>>> slots, List<List<Field<?>>> fields, List<Param<?>> params) {
            this.name = name;
            this.slots = slots;
            this.fields = fields;
            this.params = params;
        }

        public int count() {
            return slots.size();
        }

        /** @return row {@code index}'s values for the template, in the order of {@link RowParams#columns()} */
        public List<Field<?>> fields(int index) {
            return fields.get(index);
        }

        @Override
        public List<Param<?>> params() {
            return params;
        }

        void bind(PreRendered.Call call, List<? extends V> values) {
            if (values.size() != slots.size()) {
                throw new IllegalArgumentException(
                        "the statement has " + slots.size() + " " + name + " rows, " + values.size() + " were bound");
            }
            for (int i = 0; i < values.size(); i++) {
                V value = values.get(i);
                for (Slot<V, ?> slot : slots.get(i)) {
                    slot.bind(call, value);
                }
            }
        }
    }
}
