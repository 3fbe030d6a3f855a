package com.javelo.scim.adapter.jooq;

import com.javelo.scim.core.port.contract.PortsUnderTest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, migrated databases for adapter tests: an in-memory H2 database each, or a schema of its
 * own on the local PostgreSQL (127.0.0.1:5432, database {@code test}) dropped by {@link #close()}.
 * Under {@code CI=true} a missing PostgreSQL fails the build; elsewhere its tests are skipped.
 */
public final class TestDatabases implements AutoCloseable {

    public static final String POSTGRES_URL = System.getProperty(
            "scim.test.postgres.url",
            System.getenv().getOrDefault("SCIM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
    public static final String POSTGRES_USER = System.getenv().getOrDefault("SCIM_TEST_POSTGRES_USER", "postgres");

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<String> schemas = new ArrayList<>();
    private final List<Path> h2Directories = new ArrayList<>();

    public JooqPersistence h2() {
        JooqPersistence persistence = JooqPersistence.create(h2DataSource(), SQLDialect.H2);
        persistence.migrate();
        return persistence;
    }

    /**
     * A pool on a fresh, empty H2 database in a file, written at every commit as the service runs
     * it: some of H2's concurrency faults show only when a commit writes the file (an in-memory
     * database lost no update where a file lost one round in a hundred).
     */
    public DataSource h2DataSource() {
        try {
            Path directory = Files.createTempDirectory("scim-h2-");
            h2Directories.add(directory);
            return pool(
                    "jdbc:h2:file:" + directory.resolve("scim")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                    "sa");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JooqPersistence postgres() {
        JooqPersistence persistence = JooqPersistence.create(postgresDataSource(), SQLDialect.POSTGRES);
        persistence.migrate();
        return persistence;
    }

    /** A pool on a fresh, empty PostgreSQL schema (skips or fails as {@link #requirePostgres} says). */
    public DataSource postgresDataSource() {
        requirePostgres();
        String schema =
                "scim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return pool(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, POSTGRES_USER);
    }

    /** Two service instances on one fresh PostgreSQL schema: each with a pool of its own. */
    public List<JooqPersistence> postgresInstances() {
        JooqPersistence first = postgres();
        String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema="
                + schemas.get(schemas.size() - 1);
        return List.of(first, JooqPersistence.create(pool(url, POSTGRES_USER), SQLDialect.POSTGRES));
    }

    public static PortsUnderTest ports(JooqPersistence persistence) {
        return new PortsUnderTest(
                persistence.users(),
                persistence.groups(),
                persistence.tenants(),
                persistence.apiTokens(),
                persistence.outbox(),
                persistence.unitOfWork(),
                persistence.eventFeed(),
                persistence.eventSequencer(Duration.ofSeconds(1))::sequence,
                persistence.writeTransactionsOverlap(),
                persistence.consoleTokens(),
                persistence.activityLog(),
                persistence.figures(),
                persistence.customSchemas());
    }

    /** Skips (or, under CI, fails) when no PostgreSQL answers. */
    public static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; under CI=true the PostgreSQL tests are mandatory", e);
            }
            Assumptions.abort(message + "; skipping the PostgreSQL run (set CI=true to make it mandatory)");
        }
    }

    private HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql.toLowerCase(Locale.ROOT), e);
        }
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        for (String schema : schemas) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        schemas.clear();
        for (Path directory : h2Directories) {
            deleteRecursively(directory);
        }
        h2Directories.clear();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
