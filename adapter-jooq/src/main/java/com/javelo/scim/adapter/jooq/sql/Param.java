package com.javelo.scim.adapter.jooq.sql;

import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A typed bind parameter of a {@link PreRendered} statement: put {@link #field()} into the jOOQ
 * template where the value goes, declare the handle with the template, and bind a value of type
 * {@code T} to it on each call ({@link PreRendered#with}). Handles are compared by identity; the
 * name only has to be unique within one statement.
 */
public final class Param<T> implements Parameters {

    private final org.jooq.Param<T> field;

    private Param(org.jooq.Param<T> field) {
        this.field = field;
    }

    /** A parameter typed like {@code column} (its converters and bindings included). */
    public static <T> Param<T> of(String name, Field<T> column) {
        return new Param<>(DSL.param(name, column));
    }

    /** A parameter of a plain Java type, e.g. a {@code LIMIT}. */
    public static <T> Param<T> of(String name, Class<T> type) {
        return new Param<>(DSL.param(name, type));
    }

    /**
     * A parameter holding any number of texts, sent as one SQL array: a statement about 100 ids is
     * then rendered once, like one about a single id, and binds one value (see {@link #anyOf}).
     */
    public static Param<String[]> texts(String name) {
        return new Param<>(DSL.param(name, SQLDataType.VARCHAR.array()));
    }

    /** {@code column = any(<texts>)}: the column is one of the texts. */
    public static org.jooq.Condition anyOf(Field<String> column, Param<String[]> texts) {
        return DSL.condition("{0} = any ({1})", column, texts.field());
    }

    /** @return where the value goes in a template */
    public Field<T> field() {
        return field;
    }

    public String name() {
        return field.getParamName();
    }

    DataType<T> dataType() {
        return field.getDataType();
    }

    @Override
    public List<Param<?>> params() {
        return List.of(this);
    }

    @Override
    public String toString() {
        return name();
    }
}
