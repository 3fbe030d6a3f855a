package com.javelo.scim.adapter.jooq.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.ConverterContext;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.ExecuteType;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Routine;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * One run of a {@link PreRendered} statement as the jOOQ {@link ExecuteListener}s of its
 * configuration see a statement jOOQ runs itself: {@code start}, {@code renderStart/End} (the SQL is
 * already rendered, {@link #sql()} holds it), {@code prepareStart/End}, {@code bindStart/End} (the
 * values are bound just before), {@code executeStart/End}, {@code exception} when it fails, and
 * {@code end}; {@link #query()} is the statement's template. With no listener configured (the
 * default) this only forwards to JDBC (one small object per run, no clock read, no listener list).
 */
final class ListenedExecution implements ExecuteContext {

    private static final ExecuteListener[] NONE = new ExecuteListener[0];

    private final Configuration configuration;
    private final Connection connection;
    private final Query query;
    private final String sql;
    private final ExecuteType type;
    private final ExecuteListener[] listeners;
    private Instant created;
    private Map<Object, Object> data;
    private PreparedStatement statement;
    private ResultSet resultSet;
    private int rows = -1;
    private int[] batchRows;
    private RuntimeException exception;
    private SQLException sqlException;
    private SQLWarning sqlWarning;

    private ListenedExecution(
            Configuration configuration,
            Connection connection,
            Query query,
            String sql,
            ExecuteType type,
            ExecuteListener[] listeners) {
        this.configuration = configuration;
        this.connection = connection;
        this.query = query;
        this.sql = sql;
        this.type = type;
        this.listeners = listeners;
    }

    static ListenedExecution start(
            Configuration configuration, Connection connection, Query query, String sql, ExecuteType type) {
        ExecuteListenerProvider[] providers = configuration.executeListenerProviders();
        ExecuteListener[] listeners = NONE;
        if (providers.length > 0) {
            listeners = new ExecuteListener[providers.length];
            for (int i = 0; i < providers.length; i++) {
                listeners[i] = providers[i].provide();
            }
        }
        ListenedExecution execution = new ListenedExecution(configuration, connection, query, sql, type, listeners);
        if (listeners.length > 0) {
            execution.created = Instant.now();
        }
        for (ExecuteListener listener : listeners) {
            listener.start(execution);
            listener.renderStart(execution);
            listener.renderEnd(execution);
        }
        return execution;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        for (ExecuteListener listener : listeners) {
            listener.prepareStart(this);
        }
        statement = connection.prepareStatement(sql);
        for (ExecuteListener listener : listeners) {
            listener.prepareEnd(this);
        }
        return statement;
    }

    ResultSet executeQuery(PreparedStatement statement) throws SQLException {
        executeStart();
        resultSet = statement.executeQuery();
        executeEnd();
        return resultSet;
    }

    int executeUpdate(PreparedStatement statement) throws SQLException {
        executeStart();
        rows = statement.executeUpdate();
        executeEnd();
        return rows;
    }

    int[] executeBatch(PreparedStatement statement) throws SQLException {
        executeStart();
        batchRows = statement.executeBatch();
        executeEnd();
        return batchRows;
    }

    private void executeStart() {
        for (ExecuteListener listener : listeners) {
            listener.bindStart(this);
            listener.bindEnd(this);
            listener.executeStart(this);
        }
    }

    private void executeEnd() {
        for (ExecuteListener listener : listeners) {
            listener.executeEnd(this);
        }
    }

    /** @return what to throw: {@code failure}, unless a listener replaced it */
    RuntimeException failed(RuntimeException failure, SQLException cause) {
        exception = failure;
        sqlException = cause;
        for (ExecuteListener listener : listeners) {
            listener.exception(this);
        }
        return exception;
    }

    void end() {
        for (ExecuteListener listener : listeners) {
            listener.end(this);
        }
    }

    @Override
    public Instant creationTime() {
        return created;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public DSLContext dsl() {
        return DSL.using(configuration);
    }

    @Override
    public Settings settings() {
        return configuration.settings();
    }

    @Override
    public SQLDialect dialect() {
        return configuration.dialect();
    }

    @Override
    public SQLDialect family() {
        return configuration.family();
    }

    @Override
    public Map<Object, Object> data() {
        if (data == null) {
            data = new HashMap<>();
        }
        return data;
    }

    @Override
    public Object data(Object key) {
        return data().get(key);
    }

    @Override
    public Object data(Object key, Object value) {
        return data().put(key, value);
    }

    @Override
    public ConverterContext converterContext() {
        return null;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public ExecuteType type() {
        return type;
    }

    @Override
    public Query query() {
        return query;
    }

    @Override
    public BatchMode batchMode() {
        return type == ExecuteType.BATCH ? BatchMode.SINGLE : BatchMode.NONE;
    }

    @Override
    public Query[] batchQueries() {
        return type == ExecuteType.BATCH ? new Query[] {query} : new Query[0];
    }

    @Override
    public Routine<?> routine() {
        return null;
    }

    @Override
    public String sql() {
        return sql;
    }

    /** The SQL was rendered once for every run: a listener cannot change it here. */
    @Override
    public void sql(String sql) {
        throw new UnsupportedOperationException("a pre-rendered statement's SQL cannot be changed by a listener");
    }

    @Override
    public int skipUpdateCounts() {
        return 0;
    }

    @Override
    public void skipUpdateCounts(int skip) {
        throw new UnsupportedOperationException("a pre-rendered statement reads every update count");
    }

    @Override
    public String[] batchSQL() {
        return type == ExecuteType.BATCH ? new String[] {sql} : new String[0];
    }

    @Override
    public void connectionProvider(ConnectionProvider provider) {
        throw new UnsupportedOperationException("a pre-rendered statement runs on the connection it was given");
    }

    @Override
    public PreparedStatement statement() {
        return statement;
    }

    @Override
    public void statement(PreparedStatement statement) {
        this.statement = statement;
    }

    @Override
    public int statementExecutionCount() {
        return statement == null ? 0 : 1;
    }

    @Override
    public ResultSet resultSet() {
        return resultSet;
    }

    @Override
    public void resultSet(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    @Override
    public int recordLevel() {
        return -1;
    }

    @Override
    public Record record() {
        return null;
    }

    @Override
    public void record(Record record) {
        // records are read by jOOQ itself (DSLContext.fetch(ResultSet)), not here
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public void rows(int rows) {
        this.rows = rows;
    }

    @Override
    public int[] batchRows() {
        return batchRows == null ? new int[0] : batchRows;
    }

    @Override
    public int resultLevel() {
        return -1;
    }

    @Override
    public org.jooq.Result<?> result() {
        return null;
    }

    @Override
    public void result(org.jooq.Result<?> result) {
        // see record(Record)
    }

    @Override
    public RuntimeException exception() {
        return exception;
    }

    @Override
    public void exception(RuntimeException exception) {
        this.exception = exception;
    }

    @Override
    public SQLException sqlException() {
        return sqlException;
    }

    @Override
    public void sqlException(SQLException sqlException) {
        this.sqlException = sqlException;
    }

    @Override
    public SQLWarning sqlWarning() {
        return sqlWarning;
    }

    @Override
    public void sqlWarning(SQLWarning sqlWarning) {
        this.sqlWarning = sqlWarning;
    }

    @Override
    public String[] serverOutput() {
        return new String[0];
    }

    @Override
    public void serverOutput(String[] output) {
        // PostgreSQL and H2 have no server output
    }
}
