package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 the server process in the middle of a provisioning run: after a restart, every user
 * that was acknowledged with 201 is there, intact.
 */
class CrashDurabilityTest {

    private static final String ADMIN = "crash-admin-token-" + UUID.randomUUID();

    private static Process launch(int port, String dbUrl, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.javelo.scim.app.Main", "serve");
        Map<String, String> environment = builder.environment();
        environment.put("SCIM_HTTP_PORT", Integer.toString(port));
        environment.put("SCIM_DB_URL", dbUrl);
        environment.put("SCIM_DB_USER", "postgres");
        environment.put("SCIM_ADMIN_TOKEN", ADMIN);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private static void awaitReady(int port) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            try {
                if (Http.send("GET", "http://127.0.0.1:" + port + "/health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become ready on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyAcknowledgedUserSurvivesAKillDashNine() throws Exception {
        TestServer.requirePostgres();
        String schema = "scim_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestServer.execute("CREATE SCHEMA " + schema);
        Path log = Files.createTempFile("scim-crash", ".log");
        String dbUrl = TestServer.POSTGRES_URL + "?currentSchema=" + schema;
        int port = freePort();
        Process server = launch(port, dbUrl, log);
        try {
            awaitReady(port);
            String base = "http://127.0.0.1:" + port;
            String tenant = Http.send("POST", base + "/admin/v1/tenants", "{\"name\":\"Crash\"}", "Authorization",
                    "Bearer " + ADMIN, "Content-Type", "application/json").json().get("id").asText();
            String token = Http.send("POST", base + "/admin/v1/tenants/" + tenant + "/scim-token", null,
                    "Authorization", "Bearer " + ADMIN).json().get("token").asText();

            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService workers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int worker = w;
                workers.submit(() -> {
                    for (int i = 0; running.get() && i < 10_000; i++) {
                        String userName = "w" + worker + "-" + i + "@crash.example";
                        try {
                            Http.Answer created = Http.send("POST", base + "/scim/v2/Users", "{\"userName\":\"" + userName
                                    + "\",\"name\":{\"givenName\":\"G" + i + "\"}}", "Authorization", "Bearer " + token,
                                    "Content-Type", "application/scim+json");
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
            while (acknowledged.size() < 50) {
                Thread.sleep(20);
            }
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            running.set(false);
            workers.shutdown();
            workers.awaitTermination(30, TimeUnit.SECONDS);

            server = launch(port, dbUrl, log);
            awaitReady(port);
            for (Map.Entry<String, String> user : acknowledged.entrySet()) {
                Http.Answer read = Http.send("GET", base + "/scim/v2/Users/" + user.getKey(), null,
                        "Authorization", "Bearer " + token);
                assertThat(read.status()).as(user.getValue()).isEqualTo(200);
                assertThat(read.json().get("userName").asText()).isEqualTo(user.getValue());
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(50);
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            TestServer.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            Files.deleteIfExists(log);
        }
    }

}
