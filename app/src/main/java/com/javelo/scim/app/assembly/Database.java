package com.javelo.scim.app.assembly;

import com.javelo.scim.adapter.jooq.JooqPersistence;
import com.javelo.scim.app.config.Settings;
import com.zaxxer.hikari.HikariConfig;
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

    public static Database open(Settings settings, MeterRegistry metrics) {
        if (!settings.isPostgres()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create SCIM_DATA_DIR " + settings.dataDir(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("scim-db");
        config.setJdbcUrl(settings.dbUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(settings.dbPoolSize());
        // A lost database must answer 503 quickly, not hang requests for Hikari's default 30 s.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(10_000);
        if (metrics != null) {
            config.setMetricRegistry(metrics);
        }
        HikariDataSource pool = new HikariDataSource(config);
        JooqPersistence persistence = JooqPersistence.create(pool, JooqPersistence.dialectOf(settings.dbUrl()));
        return new Database(pool, persistence);
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
