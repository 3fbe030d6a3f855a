package com.javelo.scim.adapter.jooq.transaction;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.UpdateConditionStep;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.TooManyRowsException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A statement of fixed shape that jOOQ renders once per dialect and then runs as plain SQL with
 * new bind values. jOOQ renders a query's SQL on every execution, and on the statements every
 * provisioning request runs, that rendering cost more CPU than the database spent answering
 * (docs/benchmarks.md); caching the SQL is what jOOQ's manual suggests ("Performance
 * considerations"). The template names each bind value with {@link DSL#param(String, Field)}:
 *
 * <pre>{@code
 * PreRendered byId = PreRendered.of(DSL.selectFrom(USERS)
 *         .where(USERS.TENANT_ID.eq(DSL.param("tenant", USERS.TENANT_ID)).and(USERS.ID.eq(DSL.param("id", USERS.ID)))));
 * byId.fetch(dsl, Map.of("tenant", tenant, "id", id));
 * }</pre>
 */
public final class PreRendered {

    private final Query template;
    private final Field<?>[] selected;
    private final ConcurrentMap<SQLDialect, Rendered> byDialect = new ConcurrentHashMap<>();

    private record Rendered(String sql, List<Param<?>> parameters) {}

    private PreRendered(Query template, Field<?>[] selected) {
        this.template = template;
        this.selected = selected;
    }

    /** @param template a query whose every bind value is a named parameter, never executed itself */
    public static PreRendered of(Query template) {
        Field<?>[] selected = template instanceof Select<?> select ? select.getSelect().toArray(Field<?>[]::new) : null;
        return new PreRendered(template, selected);
    }

    /**
     * Statements whose shape grows with a count (rows inserted, keys looked up) are rendered once
     * per shape while every count is at most this (a person has one or two emails, a change one or
     * two events), and each time beyond.
     */
    public static final int RENDERED_ONCE_UP_TO = 8;

    /**
     * The statement of this shape from {@code cache}, rendered by {@code template} once if
     * {@code largestCount} is at most {@link #RENDERED_ONCE_UP_TO}, else every time.
     */
    public static <K> PreRendered byShape(ConcurrentMap<K, PreRendered> cache, K shape, int largestCount,
            Function<K, PreRendered> template) {
        return largestCount <= RENDERED_ONCE_UP_TO ? cache.computeIfAbsent(shape, template) : template.apply(shape);
    }

    /**
     * A parameter holding any number of texts (bind a {@code String[]}), sent as one SQL array: a
     * statement about 100 ids is then rendered once, like one about a single id, and binds one value.
     */
    public static Field<String[]> texts(String name) {
        return DSL.param(name, SQLDataType.VARCHAR.array());
    }

    /** {@code column = any(<texts parameter>)}: the column is one of the texts (see {@link #texts}). */
    public static Condition anyOf(Field<String> column, String parameter) {
        return DSL.condition("{0} = any ({1})", column, texts(parameter));
    }

    /** {@code select * from table where <key columns> = …}, locking the row when {@code forUpdate}; values by column name. */
    public static PreRendered selectByKey(Table<?> table, List<Field<?>> key, boolean forUpdate) {
        return selectByKey(List.of(table.fields()), table, key, forUpdate);
    }

    /** {@code select <columns> from table where <key columns> = …}, locking the row when {@code forUpdate}. */
    public static PreRendered selectByKey(List<? extends SelectFieldOrAsterisk> columns, Table<?> table,
            List<Field<?>> key, boolean forUpdate) {
        var select = DSL.select(columns).from(table).where(keyCondition(key, ""));
        return of(forUpdate ? select.forUpdate() : select);
    }

    /** {@code select column from table where <key columns> = …}: whether a row exists, without reading it. */
    public static PreRendered columnByKey(Field<?> column, Table<?> table, List<Field<?>> key) {
        return of(DSL.select(column).from(table).where(keyCondition(key, "")));
    }

    /** {@code delete from table where <key columns> = …}; values by column name. */
    public static PreRendered deleteByKey(Table<?> table, List<Field<?>> key) {
        return of(DSL.deleteFrom(table).where(keyCondition(key, "")));
    }

    /** {@code insert into table (every column) values (…)}; values by column name, e.g. a record's {@code intoMap()}. */
    public static PreRendered insertRow(Table<?> table) {
        return of(insertRowTemplate(table));
    }

    /** The template of {@link #insertRow}, to compose into a larger statement. */
    public static <R extends Record> InsertValuesStepN<R> insertRowTemplate(Table<R> table) {
        return DSL.insertInto(table).columns(table.fields())
                .values(Arrays.stream(table.fields()).map(column -> parameter("", column)).toList());
    }

    /**
     * {@code update table set (every column but the key) where <key> and version = expected}; the
     * values come from {@link #versionedUpdateValues}.
     */
    public static PreRendered versionedUpdate(Table<?> table, List<Field<?>> key, Field<Long> version) {
        return of(versionedUpdateTemplate(table, key, version));
    }

    /** The template of {@link #versionedUpdate}, to compose into a larger statement. */
    public static <R extends Record> UpdateConditionStep<R> versionedUpdateTemplate(Table<R> table,
            List<Field<?>> key, Field<Long> version) {
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (Field<?> column : table.fields()) {
            if (!key.contains(column)) {
                set.put(column, parameter("", column));
            }
        }
        return DSL.update(table).set(set).where(keyCondition(key, KEY)
                .and(version.eq(DSL.param(EXPECTED_VERSION, version))));
    }

    /** @return the values of {@link #versionedUpdate} for the new row, if the stored one is at {@code expectedVersion} */
    public static Map<String, Object> versionedUpdateValues(Record row, List<Field<?>> key, long expectedVersion) {
        Map<String, Object> values = row.intoMap();
        for (Field<?> column : key) {
            values.put(KEY + column.getName(), values.remove(column.getName()));
        }
        values.put(EXPECTED_VERSION, expectedVersion);
        return values;
    }

    private static final String KEY = "key_";
    private static final String EXPECTED_VERSION = "expected_version";

    private static Condition keyCondition(List<Field<?>> key, String prefix) {
        return DSL.and(key.stream().map(column -> condition(column, prefix)).toList());
    }

    private static <T> Condition condition(Field<T> column, String prefix) {
        return column.eq(parameter(prefix, column));
    }

    private static <T> Param<T> parameter(String prefix, Field<T> column) {
        return DSL.param(prefix + column.getName(), column);
    }

    /** @return the rows the select finds with these values, typed as the template's select list */
    public Result<Record> fetch(DSLContext dsl, Map<String, ?> values) {
        if (selected == null) {
            throw new IllegalStateException("not a select: " + template);
        }
        return run(dsl, values, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return dsl.fetch(rows, selected); // read with jOOQ's bindings: timestamps, jsonb, multisets
            }
        });
    }

    /** @return the one row a look-up by key finds, if any */
    public Optional<Record> fetchOptional(DSLContext dsl, Map<String, ?> values) {
        Result<Record> rows = fetch(dsl, values);
        if (rows.size() > 1) {
            throw new TooManyRowsException("a look-up by key found " + rows.size() + " rows: " + template);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs the statement with these values. @return the number of rows it changed */
    public int execute(DSLContext dsl, Map<String, ?> values) {
        return run(dsl, values, PreparedStatement::executeUpdate);
    }

    /**
     * Runs the statement once for each of {@code rows}, as one JDBC batch: one round trip, and each
     * run keeps its own small plan (a statement about one key cannot be planned badly).
     *
     * @return for each run, in order, the number of rows it changed
     */
    public int[] executeBatch(DSLContext dsl, List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        SQLDialect family = dsl.dialect().family();
        return prepared(dsl, (statement, parameters) -> {
            for (Map<String, ?> values : rows) {
                bind(statement, parameters, values, family);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(DSLContext dsl, Map<String, ?> values, Execution<T> execution) {
        SQLDialect family = dsl.dialect().family();
        return prepared(dsl, (statement, parameters) -> {
            bind(statement, parameters, values, family);
            return execution.run(statement);
        });
    }

    private interface Preparation<T> {
        T run(PreparedStatement statement, List<Param<?>> parameters) throws SQLException;
    }

    /**
     * Straight to JDBC: jOOQ's plain-SQL API would scan the SQL text for its template syntax on
     * every call, which for a long statement costs more than rendering it.
     */
    private <T> T prepared(DSLContext dsl, Preparation<T> preparation) {
        Rendered rendered = rendered(dsl);
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(rendered.sql())) {
                // The same bound as every statement jOOQ runs itself (JooqPersistence's query timeout).
                Integer timeout = dsl.settings().getQueryTimeout();
                if (timeout != null && timeout > 0) {
                    statement.setQueryTimeout(timeout);
                }
                return preparation.run(statement, rendered.parameters());
            } catch (SQLException e) {
                // As jOOQ reports a failed statement, so that SqlErrors reads it the same way.
                throw new DataAccessException("SQL [" + rendered.sql() + "]; " + e.getMessage(), e);
            }
        });
    }

    private Rendered rendered(DSLContext dsl) {
        return byDialect.computeIfAbsent(dsl.dialect(), dialect -> {
            DSLContext renderer = DSL.using(dialect, dsl.settings());
            // The parameters in the order of the SQL's '?' markers (inlined constants have none).
            Map<String, Param<?>> all = renderer.extractParams(template);
            List<Param<?>> parameters = all.values().stream().filter(parameter -> !parameter.isInline()).toList();
            Set<String> names = all.keySet();
            if (renderer.extractBindValues(template).size() != parameters.size()
                    || parameters.stream().anyMatch(parameter -> parameter.getParamName() == null)) {
                throw new IllegalArgumentException("every bind value of a pre-rendered statement must be a "
                        + "parameter named once, found " + names + " in " + template);
            }
            return new Rendered(renderer.render(template), parameters);
        });
    }

    private static void bind(PreparedStatement statement, List<Param<?>> parameters, Map<String, ?> values,
            SQLDialect family) throws SQLException {
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("expected values for " + parameters.stream()
                    .map(Param::getParamName).toList() + ", got " + values.keySet());
        }
        for (int i = 0; i < parameters.size(); i++) {
            Param<?> parameter = parameters.get(i);
            if (!values.containsKey(parameter.getParamName())) {
                throw new IllegalArgumentException("no value for parameter '" + parameter.getParamName() + "'");
            }
            Object value = values.get(parameter.getParamName());
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, parameter.getDataType().getSQLType());
            } else if (value instanceof String[] texts) {
                statement.setArray(index, statement.getConnection().createArrayOf("varchar", texts));
            } else if (value instanceof JSONB json) {
                // PostgreSQL types an untyped parameter by its column; H2 parses JSON from bytes.
                if (family == SQLDialect.POSTGRES) {
                    statement.setObject(index, json.data(), Types.OTHER);
                } else {
                    statement.setBytes(index, json.data().getBytes(StandardCharsets.UTF_8));
                }
            } else {
                statement.setObject(index, value);
            }
        }
    }
}
