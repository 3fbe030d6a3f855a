package com.javelo.scim.app.e2e;

import com.javelo.scim.app.config.Settings;
import com.javelo.scim.app.config.SettingsLoader;
import com.javelo.scim.app.server.ScimServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real service (the launcher the jar runs) on a free port, on H2 in a temporary data
 * directory or on a schema of its own in the local PostgreSQL; restartable on the same data.
 */
public final class TestServer implements AutoCloseable {

    public enum Database {
        H2,
        POSTGRES
    }

    public static final String ADMIN_TOKEN = "e2e-admin-token-" + UUID.randomUUID();
    public static final String POSTGRES_URL =
            System.getenv().getOrDefault("SCIM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    private final Database database;
    private final Path dataDir;
    private final String schema;
    private final Map<String, String> extra;
    private ScimServer server;

    private TestServer(Database database, Map<String, String> extra) {
        this.database = database;
        this.extra = extra;
        try {
            this.dataDir = Files.createTempDirectory("scim-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema = database == Database.POSTGRES
                ? "scim_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                : null;
    }

    public static TestServer start(Database database) {
        return start(database, Map.of());
    }

    public static TestServer start(Database database, Map<String, String> extra) {
        if (database == Database.POSTGRES) {
            requirePostgres();
        }
        TestServer test = new TestServer(database, extra);
        if (test.schema != null) {
            execute("CREATE SCHEMA " + test.schema);
        }
        test.server = ScimServer.start(test.settings(0));
        return test;
    }

    public Settings settings(int port) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SCIM_HTTP_PORT", Integer.toString(port));
        environment.put("SCIM_DATA_DIR", dataDir.toString());
        environment.put("SCIM_ADMIN_TOKEN", ADMIN_TOKEN);
        environment.put("SCIM_DB_POOL_SIZE", "8");
        // No load balancer watches a test server, and the suites of other features send bursts
        // that are not what they test: tests of the drain and the rate limit set these themselves.
        environment.put("SCIM_SHUTDOWN_DRAIN_SECONDS", "0");
        environment.put("SCIM_TENANT_RATE_LIMIT", "0");
        if (database == Database.POSTGRES) {
            // SCIM_TEST_DB_PORT reroutes the service (not the test's own set-up) through a proxy.
            String url = extra.containsKey("SCIM_TEST_DB_PORT")
                    ? POSTGRES_URL.replace(":5432/", ":" + extra.get("SCIM_TEST_DB_PORT") + "/")
                    : POSTGRES_URL;
            environment.put("SCIM_DB_URL", url + "?currentSchema=" + schema);
            environment.put("SCIM_DB_USER", "postgres");
        }
        extra.forEach((name, value) -> {
            if (!name.startsWith("SCIM_TEST_")) {
                environment.put(name, value);
            }
        });
        return SettingsLoader.load(environment, Map.of());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** Stops the server and starts a new one on the same database (and the same port). */
    public void restart() {
        int port = server.port();
        server.close();
        server = ScimServer.start(settings(port));
    }

    /** Stops the server and keeps its database, for a command-line run on it; {@link #close} still cleans up. */
    public void stop() {
        server.close();
        server = null;
    }

    Database database() {
        return database;
    }

    public String schema() {
        return schema;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * A connection of the test's own to the service's database (PostgreSQL directly, never through
     * a test proxy; on H2 the same embedded database, which this JVM shares with the server).
     */
    public Connection connectToDatabase() throws SQLException {
        if (database == Database.POSTGRES) {
            return DriverManager.getConnection(POSTGRES_URL + "?currentSchema=" + schema, "postgres", "");
        }
        Settings settings = settings(0);
        return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }

    public static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + POSTGRES_URL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; under CI=true the PostgreSQL tests are mandatory", e);
            }
            Assumptions.abort(message + "; skipping (set CI=true to make it mandatory)");
        }
    }

    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
