package com.javelo.scim.app.assembly;

import com.javelo.scim.adapter.jooq.JooqPersistence;
import com.javelo.scim.app.config.Settings;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

/** The connection pool and the jOOQ persistence on it, for the configured database. */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final JooqPersistence persistence;

    private Database(HikariDataSource pool, JooqPersistence persistence) {
        this.pool = pool;
        this.persistence = persistence;
    }

    /**
     * Configures the pool without connecting: the first use connects (and fails within 10 s if
     * the database does not answer). The server connects and migrates on a thread of its own
     * while the HTTP stack starts.
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
        pool.setConnectionTimeout(3_000);
        pool.setValidationTimeout(2_000);
        pool.setInitializationFailTimeout(10_000);
        if (!settings.isPostgres()) {
            // H2's trace file (javelo-scim.trace.db) would keep the messages of refused statements,
            // which quote profile values; SqlErrors logs them by SQLState and constraint instead.
            pool.addDataSourceProperty("TRACE_LEVEL_FILE", "0");
        }
        if (metrics != null) {
            pool.setMetricRegistry(metrics);
        }
        JooqPersistence persistence = JooqPersistence.create(pool, JooqPersistence.dialectOf(settings.dbUrl()));
        return new Database(pool, persistence);
    }

    /** Connects, applies pending migrations and loads the query path: what serving needs first. */
    public void migrateAndWarmUp() {
        persistence.migrate();
        persistence.warmUp();
    }

    public JooqPersistence persistence() {
        return persistence;
    }

    /** @return whether the database answers a trivial query within two seconds */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
