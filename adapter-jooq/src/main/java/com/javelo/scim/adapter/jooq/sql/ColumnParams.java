package com.javelo.scim.adapter.jooq.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;

/**
 * One parameter per column of a table row, bound from a jOOQ record of that table
 * ({@link PreRendered.Call#withColumns}): the user insert binds its 30 columns this way.
 */
public final class ColumnParams implements Parameters {

    private final List<Field<?>> columns;
    private final List<Param<?>> params;
    private final Map<Field<?>, Param<?>> byColumn = new IdentityHashMap<>();

    private ColumnParams(String prefix, List<? extends Field<?>> columns) {
        this.columns = List.copyOf(columns);
        List<Param<?>> params = new ArrayList<>();
        for (Field<?> column : columns) {
            Param<?> param = param(prefix, column);
            params.add(param);
            byColumn.put(column, param);
        }
        this.params = Collections.unmodifiableList(params);
    }

    private static <T> Param<T> param(String prefix, Field<T> column) {
        return Param.of(prefix + column.getName(), column);
    }

    /** @param prefix starts each parameter's name (parameters are named after their columns) */
    public static ColumnParams of(String prefix, List<? extends Field<?>> columns) {
        return new ColumnParams(prefix, columns);
    }

    public List<Field<?>> columns() {
        return columns;
    }

    /** @return the parameter of {@code column}, typed as it */
    @SuppressWarnings("unchecked")
    public <T> Param<T> of(Field<T> column) {
        Param<?> param = byColumn.get(column);
        if (param == null) {
            throw new IllegalArgumentException("no parameter for column " + column.getName() + " among " + columns);
        }
        return (Param<T>) param;
    }

    /** @return the parameters as template values, in the order of {@link #columns()} */
    public List<Field<?>> fields() {
        return params.stream().<Field<?>>map(Param::field).toList();
    }

    @Override
    public List<Param<?>> params() {
        return params;
    }
}
