package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server process is stopped in the middle of a provisioning run — by {@code kill -9} or by a
 * normal SIGTERM — on the embedded H2 database and on PostgreSQL: after a restart, every user
 * that was acknowledged with 201 is there, intact.
 */
class CrashDurabilityTest {

    private static final String ADMIN = "crash-admin-token-" + UUID.randomUUID();

    private TestServer.Database database;
    private Path dataDir;
    private String schema;
    private Path log;
    private int port;
    private Process server;

    private void prepare(TestServer.Database chosen) throws IOException {
        database = chosen;
        if (chosen == TestServer.Database.POSTGRES) {
            TestServer.requirePostgres();
            schema = "scim_crash_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            TestServer.execute("CREATE SCHEMA " + schema);
        }
        dataDir = Files.createTempDirectory("scim-crash");
        log = Files.createTempFile("scim-crash", ".log");
        port = freePort();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (schema != null) {
            TestServer.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    /** Starts the real launcher ({@code Main serve}) in a process of its own and waits until it is ready. */
    private void launch() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.javelo.scim.app.Main",
                "serve");
        Map<String, String> environment = builder.environment();
        environment.put("SCIM_HTTP_PORT", Integer.toString(port));
        environment.put("SCIM_DATA_DIR", dataDir.toString());
        environment.put("SCIM_ADMIN_TOKEN", ADMIN);
        // The bursts measure durability, not the per-company rate limit.
        environment.put("SCIM_TENANT_RATE_LIMIT", "0");
        if (database == TestServer.Database.POSTGRES) {
            environment.put("SCIM_DB_URL", TestServer.POSTGRES_URL + "?currentSchema=" + schema);
            environment.put("SCIM_DB_USER", "postgres");
        } else {
            environment.remove("SCIM_DB_URL");
        }
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        server = builder.start();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            try {
                if (Http.send("GET", base() + "/health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue() + "; see " + log);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become ready on port " + port);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return a new tenant's SCIM token */
    private String tenantToken() {
        String tenant = Http.send(
                        "POST",
                        base() + "/admin/v1/tenants",
                        "{\"name\":\"Crash\"}",
                        "Authorization",
                        "Bearer " + ADMIN,
                        "Content-Type",
                        "application/json")
                .json()
                .get("id")
                .asText();
        return Http.send(
                        "POST",
                        base() + "/admin/v1/tenants/" + tenant + "/scim-token",
                        null,
                        "Authorization",
                        "Bearer " + ADMIN)
                .json()
                .get("token")
                .asText();
    }

    private Http.Answer create(String token, String userName, int i) {
        return Http.send(
                "POST",
                base() + "/scim/v2/Users",
                "{\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"G" + i + "\"}}",
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/scim+json");
    }

    private void assertAllPresent(String token, Map<String, String> acknowledged) {
        for (Map.Entry<String, String> user : acknowledged.entrySet()) {
            Http.Answer read = Http.send(
                    "GET", base() + "/scim/v2/Users/" + user.getKey(), null, "Authorization", "Bearer " + token);
            assertThat(read.status())
                    .as("%s acknowledged with 201 on %s", user.getValue(), database)
                    .isEqualTo(200);
            assertThat(read.json().get("userName").asText()).isEqualTo(user.getValue());
        }
    }

    /** Eight clients POST users until stopped; returns the users answered 201, by id. */
    private Map<String, String> burstUntil(String token, Runnable stop) throws InterruptedException {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            int worker = w;
            workers.submit(() -> {
                for (int i = 0; running.get() && i < 10_000; i++) {
                    String userName = "w" + worker + "-" + i + "@crash.example";
                    try {
                        Http.Answer created = create(token, userName, i);
                        if (created.status() == 201) {
                            acknowledged.put(created.json().get("id").asText(), userName);
                        }
                    } catch (RuntimeException connectionLost) {
                        return null;
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < 500) {
            Thread.sleep(20);
        }
        stop.run();
        running.set(false);
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return acknowledged;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void everyAcknowledgedUserSurvivesAKillDashNine(TestServer.Database chosen) throws Exception {
        prepare(chosen);
        launch();
        String token = tenantToken();

        Map<String, String> acknowledged = burstUntil(token, this::killDashNine);

        launch();
        assertAllPresent(token, acknowledged);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void everyAcknowledgedUserSurvivesAGracefulStop(TestServer.Database chosen) throws Exception {
        prepare(chosen);
        launch();
        String token = tenantToken();

        Map<String, String> acknowledged = burstUntil(token, () -> {
            server.destroy(); // SIGTERM
            try {
                assertThat(server.waitFor(40, TimeUnit.SECONDS))
                        .as("stopped within the grace period")
                        .isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(server.exitValue()).as("SIGTERM is a clean exit").isZero();

        launch();
        assertAllPresent(token, acknowledged);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aSingleAcknowledgedUserSurvivesAnImmediateKillDashNine(TestServer.Database chosen) throws Exception {
        prepare(chosen);
        launch();
        String token = tenantToken();
        Map<String, String> acknowledged = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            String userName = "single" + attempt + "@crash.example";
            Http.Answer created = create(token, userName, attempt);
            assertThat(created.status()).isEqualTo(201);
            killDashNine();
            acknowledged.put(created.json().get("id").asText(), userName);

            launch();
            assertAllPresent(token, acknowledged);
        }
    }

    private void killDashNine() {
        try {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
