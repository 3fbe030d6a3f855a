package com.javelo.scim.adapter.jooq.sql;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.ExecuteType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.VisitListener;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.TooManyRowsException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * A statement of fixed shape that jOOQ renders once per dialect and then runs as plain JDBC with
 * new bind values. jOOQ renders a query's SQL on every execution, and on the statements every
 * provisioning request runs, that rendering cost more CPU than the database spent answering
 * (docs/benchmarks.md); caching the SQL is what jOOQ's manual suggests ("Performance
 * considerations"). The template's bind values are typed {@link Param} handles, declared with it:
 *
 * <pre>{@code
 * Param<String> tenant = Param.of("tenant", USERS.TENANT_ID);
 * Param<String> id = Param.of("id", USERS.ID);
 * PreRendered byId = PreRendered.of(DSL.selectFrom(USERS)
 *         .where(USERS.TENANT_ID.eq(tenant.field()).and(USERS.ID.eq(id.field()))), tenant, id);
 * byId.with(tenant, "acme").with(id, "42").fetchOptional(dsl);
 * }</pre>
 *
 * A template that uses a parameter it did not declare, declares one it does not use, or has a bind
 * value that is not a declared parameter is refused when it is built; a call that leaves a
 * parameter unbound, or binds one of another statement, is refused before it reaches the database.
 * The statements are shown to the jOOQ {@code ExecuteListener}s of the configuration they run with
 * (see {@link ListenedExecution}), as those jOOQ renders itself are.
 */
public final class PreRendered {

    /**
     * Statements whose shape grows with a count (rows inserted, keys looked up) are rendered once
     * per shape while every count is at most this (a person has one or two emails, a change one or
     * two events), and each time beyond.
     */
    public static final int RENDERED_ONCE_UP_TO = 8;

    private static final Object UNBOUND = new Object();

    private final Query template;
    private final Field<?>[] selected;
    private final Param<?>[] declared;
    private final Map<Param<?>, Integer> slots = new IdentityHashMap<>();
    private final Map<String, Integer> slotsByName = new HashMap<>();
    private final ConcurrentMap<SQLDialect, Rendered> byDialect = new ConcurrentHashMap<>();

    /** The SQL for one dialect, and which declared parameter each of its {@code ?} markers binds. */
    private record Rendered(String sql, int[] markers) {}

    /** A bind value as rendered: the name of its parameter (null when it is none) and its value. */
    private record Marker(String name, Object value) {}

    private record Rendering(String sql, List<Marker> markers) {}

    private PreRendered(Query template, Param<?>[] declared) {
        this.template = template;
        this.selected =
                template instanceof Select<?> select ? select.getSelect().toArray(Field<?>[]::new) : null;
        this.declared = declared;
        for (int i = 0; i < declared.length; i++) {
            if (slots.put(declared[i], i) != null) {
                throw new IllegalArgumentException("parameter '" + declared[i] + "' is declared twice");
            }
            if (slotsByName.put(declared[i].name(), i) != null) {
                throw new IllegalArgumentException("two parameters are named '" + declared[i] + "'");
            }
        }
        checkUses(template);
    }

    /**
     * @param template a query whose every bind value is one of {@code declared}, never executed itself
     * @throws IllegalArgumentException when the template and the declared parameters differ
     */
    public static PreRendered of(Query template, Parameters... declared) {
        List<Param<?>> params = new ArrayList<>();
        for (Parameters parameters : declared) {
            params.addAll(parameters.params());
        }
        return new PreRendered(template, params.toArray(Param<?>[]::new));
    }

    /**
     * The statement of this shape from {@code cache}, built by {@code template} once if
     * {@code largestCount} is at most {@link #RENDERED_ONCE_UP_TO}, else every time.
     */
    public static <K, S> S byShape(ConcurrentMap<K, S> cache, K shape, int largestCount, Function<K, S> template) {
        return largestCount <= RENDERED_ONCE_UP_TO ? cache.computeIfAbsent(shape, template) : template.apply(shape);
    }

    /** The template must use every declared parameter, and nothing else, as a bind value. */
    private void checkUses(Query template) {
        Set<String> used = new TreeSet<>();
        Set<String> unnamed = new LinkedHashSet<>();
        for (Marker marker : rendering(
                        SQLDialect.POSTGRES, DSL.using(SQLDialect.POSTGRES).settings())
                .markers()) {
            if (marker.name() == null) {
                unnamed.add(String.valueOf(marker.value()));
            } else {
                used.add(marker.name());
            }
        }
        Set<String> unused = new TreeSet<>(slotsByName.keySet());
        unused.removeAll(used);
        Set<String> undeclared = new TreeSet<>(used);
        undeclared.removeAll(slotsByName.keySet());
        if (!unnamed.isEmpty() || !unused.isEmpty() || !undeclared.isEmpty()) {
            throw new IllegalArgumentException("the template and its parameters differ:"
                    + (undeclared.isEmpty() ? "" : " used but not declared " + undeclared + ";")
                    + (unused.isEmpty() ? "" : " declared but not used " + unused + ";")
                    + (unnamed.isEmpty() ? "" : " bind values that are no parameter " + unnamed + ";")
                    + " in " + template);
        }
    }

    /** The bind values of the template as rendered for {@code dialect}, in the order of its {@code ?} markers. */
    private Rendering rendering(SQLDialect dialect, org.jooq.conf.Settings settings) {
        List<Marker> markers = new ArrayList<>();
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(dialect).set(settings).set(VisitListener.onVisitStart(visit -> {
            if (visit.renderContext() != null
                    && visit.queryPart() instanceof org.jooq.Param<?> param
                    && !param.isInline()
                    && visit.renderContext().paramType() != org.jooq.conf.ParamType.INLINED) {
                markers.add(new Marker(param.getParamName(), param.getValue()));
            }
        }));
        String sql = DSL.using(configuration).render(template);
        int bindValues =
                DSL.using(dialect, settings).extractBindValues(template).size();
        if (markers.size() != bindValues) {
            throw new IllegalStateException("cannot tell which parameter each of the " + bindValues
                    + " bind values is (" + markers.size() + " seen) in " + sql);
        }
        return new Rendering(sql, markers);
    }

    /** Starts a call: binds {@code param} to {@code value}. */
    public <T> Call with(Param<T> param, T value) {
        return call().with(param, value);
    }

    /** Starts a call that binds nothing yet. */
    public Call call() {
        return new Call();
    }

    /**
     * The bind values of one run: each declared parameter once. Build it with {@link PreRendered#with}
     * and run it with {@link #fetch}, {@link #execute} or {@link PreRendered#executeBatch}.
     */
    public final class Call {
        private final Object[] values = new Object[declared.length];

        private Call() {
            Arrays.fill(values, UNBOUND);
        }

        public <T> Call with(Param<T> param, T value) {
            Integer slot = slots.get(param);
            if (slot == null) {
                throw new IllegalArgumentException(
                        "parameter '" + param + "' is not one of this statement's " + Arrays.toString(declared));
            }
            values[slot] = value;
            return this;
        }

        /** Binds each parameter of {@code columns} to the value of its column in {@code row}. */
        public Call withColumns(ColumnParams columns, Record row) {
            for (Field<?> column : columns.columns()) {
                withColumn(columns, column, row);
            }
            return this;
        }

        private <T> void withColumn(ColumnParams columns, Field<T> column, Record row) {
            with(columns.of(column), row.get(column));
        }

        /** Binds one row of {@code rows} per value, in order; there must be as many values as rows. */
        public <V> Call withRows(RowParams.Rows<V> rows, List<? extends V> rowValues) {
            rows.bind(this, rowValues);
            return this;
        }

        /** @return the rows the select finds, typed as the template's select list */
        public Result<Record> fetch(DSLContext dsl) {
            if (selected == null) {
                throw new IllegalStateException("not a select: " + template);
            }
            return run(dsl, ExecuteType.READ, (statement, rendered, listened) -> {
                bind(statement, rendered, dsl.dialect().family());
                try (ResultSet rows = listened.executeQuery(statement)) {
                    return dsl.fetch(rows, selected); // read with jOOQ's bindings: timestamps, jsonb, multisets
                }
            });
        }

        /** @return the one row a look-up by key finds, if any */
        public Optional<Record> fetchOptional(DSLContext dsl) {
            Result<Record> rows = fetch(dsl);
            if (rows.size() > 1) {
                throw new TooManyRowsException("a look-up by key found " + rows.size() + " rows: " + template);
            }
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }

        /** Runs the statement. @return the number of rows it changed */
        public int execute(DSLContext dsl) {
            return run(dsl, ExecuteType.WRITE, (statement, rendered, listened) -> {
                bind(statement, rendered, dsl.dialect().family());
                return listened.executeUpdate(statement);
            });
        }

        private PreRendered statement() {
            return PreRendered.this;
        }

        private void bind(PreparedStatement statement, Rendered rendered, SQLDialect family) throws SQLException {
            int[] markers = rendered.markers();
            for (int i = 0; i < markers.length; i++) {
                int slot = markers[i];
                Object value = values[slot];
                int index = i + 1;
                if (value == UNBOUND) {
                    throw new IllegalArgumentException("no value bound to parameter '" + declared[slot] + "'");
                }
                if (value == null) {
                    statement.setNull(index, declared[slot].dataType().getSQLType());
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

    /**
     * Runs the statement once for each of {@code calls}, as one JDBC batch: one round trip, and each
     * run keeps its own small plan (a statement about one key cannot be planned badly).
     *
     * @return for each run, in order, the number of rows it changed
     */
    public int[] executeBatch(DSLContext dsl, List<Call> calls) {
        if (calls.isEmpty()) {
            return new int[0];
        }
        for (Call call : calls) {
            if (call.statement() != this) {
                throw new IllegalArgumentException("a batch of one statement got a call of another");
            }
        }
        SQLDialect family = dsl.dialect().family();
        return run(dsl, ExecuteType.BATCH, (statement, rendered, listened) -> {
            for (Call call : calls) {
                call.bind(statement, rendered, family);
                statement.addBatch();
            }
            return listened.executeBatch(statement);
        });
    }

    interface Execution<T> {
        T run(PreparedStatement statement, Rendered rendered, ListenedExecution listened) throws SQLException;
    }

    /**
     * Straight to JDBC: jOOQ's plain-SQL API would scan the SQL text for its template syntax on
     * every call, which for a long statement costs more than rendering it.
     */
    private <T> T run(DSLContext dsl, ExecuteType type, Execution<T> execution) {
        Rendered rendered = rendered(dsl);
        String sql = rendered.sql();
        return dsl.connectionResult(connection -> {
            ListenedExecution listened = ListenedExecution.start(dsl.configuration(), connection, template, sql, type);
            try {
                PreparedStatement statement = listened.prepare(sql);
                try (statement) {
                    // The same bound as every statement jOOQ runs itself (JooqPersistence's query timeout).
                    Integer timeout = dsl.settings().getQueryTimeout();
                    if (timeout != null && timeout > 0) {
                        statement.setQueryTimeout(timeout);
                    }
                    return execution.run(statement, rendered, listened);
                }
            } catch (SQLException e) {
                // As jOOQ reports a failed statement, so that SqlErrors reads it the same way.
                throw listened.failed(new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e), e);
            } catch (RuntimeException e) {
                throw listened.failed(e, null);
            } finally {
                listened.end();
            }
        });
    }

    private Rendered rendered(DSLContext dsl) {
        SQLDialect dialect = dsl.dialect();
        Rendered rendered = byDialect.get(dialect);
        if (rendered == null) {
            rendered = byDialect.computeIfAbsent(dialect, key -> render(dsl));
        }
        return rendered;
    }

    private Rendered render(DSLContext dsl) {
        Rendering rendering = rendering(dsl.dialect(), dsl.settings());
        int[] slotsOfMarkers = new int[rendering.markers().size()];
        for (int i = 0; i < slotsOfMarkers.length; i++) {
            Integer slot = slotsByName.get(rendering.markers().get(i).name());
            if (slot == null) {
                throw new IllegalStateException("a bind value that is no declared parameter in " + rendering.sql());
            }
            slotsOfMarkers[i] = slot;
        }
        return new Rendered(rendering.sql(), slotsOfMarkers);
    }
}
