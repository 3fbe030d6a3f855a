package com.javelo.scim.app.assembly;

import com.javelo.scim.adapter.jooq.JooqPersistence;
import com.javelo.scim.adapter.jooq.notify.DatabaseNotifications;
import com.javelo.scim.app.config.Settings;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool and the jOOQ persistence on it, for the configured database. */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final JooqPersistence persistence;
    private final Settings settings;
    private DatabaseNotifications notifications;

    private Database(HikariDataSource pool, JooqPersistence persistence, Settings settings) {
        this.pool = pool;
        this.persistence = persistence;
        this.settings = settings;
    }

    /**
     * Configures the pool without connecting: the first use connects (and fails within 10 s if
     * the database does not answer). The server connects and migrates on a thread of its own
     * while the HTTP stack starts. Every wait on the database is bounded (docs/architecture.md,
     * "Timeouts"): a connection from the pool, a connection to PostgreSQL, each statement, and
     * each read from PostgreSQL's socket.
     */
    public static Database open(Settings settings, MeterRegistry metrics) {
        if (!settings.isPostgres()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create SCIM_DATA_DIR " + settings.dataDir(), e);
            }
        }
        // The no-argument pool starts on first use; configured exactly as an eager one.
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("scim-db");
        pool.setJdbcUrl(settings.dbUrl());
        pool.setUsername(settings.dbUser());
        pool.setPassword(settings.dbPassword());
        pool.setMaximumPoolSize(settings.dbPoolSize());
        // A lost database must answer 503 quickly, not hang requests for Hikari's default 30 s.
        long connectMillis = settings.dbConnectTimeout().toMillis();
        pool.setConnectionTimeout(connectMillis);
        pool.setValidationTimeout(Math.min(2_000, connectMillis * 2 / 3));
        pool.setInitializationFailTimeout(10_000);
        if (settings.isPostgres()) {
            // PgJDBC's own bounds, in seconds: opening the socket, waiting for any answer on it (a
            // database that stalls without closing the connection), and sending the cancel of a
            // statement past its timeout (closing that statement waits for the cancel, 10 s by default).
            String connectSeconds = Long.toString(settings.dbConnectTimeout().toSeconds());
            pool.addDataSourceProperty("connectTimeout", connectSeconds);
            pool.addDataSourceProperty("cancelSignalTimeout", connectSeconds);
            pool.addDataSourceProperty(
                    "socketTimeout", Long.toString(settings.dbSocketTimeout().toSeconds()));
        }
        if (metrics != null) {
            pool.setMetricRegistry(metrics);
        }
        JooqPersistence persistence = JooqPersistence.create(
                pool,
                JooqPersistence.dialectOf(settings.dbUrl()),
                (int) settings.dbStatementTimeout().toSeconds(),
                settings.dbConnectTimeout());
        return new Database(pool, persistence, settings);
    }

    /** Connects, applies pending migrations and loads the query path: what serving needs first. */
    public void migrateAndWarmUp() {
        persistence.migrate();
        persistence.warmUp();
    }

    public JooqPersistence persistence() {
        return persistence;
    }

    /**
     * The notifications between instances (not started), one per process for every channel (the
     * event feed's wake-ups, the token revocation push): on PostgreSQL through a connection of
     * their own outside the pool, bounded as the pool's are; none on H2 (a single instance).
     */
    public synchronized DatabaseNotifications notifications() {
        if (notifications == null) {
            notifications = settings.isPostgres()
                    ? DatabaseNotifications.listeningWith(() -> listeningConnection("javelo-scim notifications"))
                    : DatabaseNotifications.none();
        }
        return notifications;
    }

    /**
     * @return how token changes reach the other instances: PostgreSQL's {@code LISTEN/NOTIFY}, on the
     *     process's listening connection ({@link #notifications()}: subscribe before it starts); on H2
     *     (one instance) nothing
     */
    public TokenRevocations tokenRevocations() {
        if (!settings.isPostgres()) {
            return TokenRevocations.NONE;
        }
        return new PostgresTokenRevocations(pool, notifications());
    }

    /** A connection outside the pool, held for the process's life to LISTEN on, bounded as the pool's are. */
    private Connection listeningConnection(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.dbUser());
        properties.setProperty("password", settings.dbPassword());
        properties.setProperty(
                "connectTimeout", Long.toString(settings.dbConnectTimeout().toSeconds()));
        properties.setProperty(
                "socketTimeout", Long.toString(settings.dbSocketTimeout().toSeconds()));
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(settings.dbUrl(), properties);
    }

    /** @return whether the database answers a trivial query within two seconds */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Closes the pool, then the database itself: on H2 an explicit {@code SHUTDOWN}, so the file
     * is closed cleanly by the service rather than by H2's shutdown hook (which the URL turns off).
     * A connection opened before the pool closes keeps the database open until that statement.
     */
    @Override
    public void close() {
        Connection last = settings.isPostgres() ? null : openDirectly();
        pool.close();
        if (last != null) {
            try (last;
                    Statement shutdown = last.createStatement()) {
                shutdown.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.warn("H2 did not shut down cleanly (SQLState {}); it recovers on the next start", e.getSQLState());
            }
        }
    }

    private Connection openDirectly() {
        try {
            return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        } catch (SQLException e) {
            LOG.warn("cannot reach H2 to shut it down (SQLState {})", e.getSQLState());
            return null;
        }
    }
}
