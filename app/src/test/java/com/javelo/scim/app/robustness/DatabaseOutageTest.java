package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database becomes unreachable for a few seconds during a provisioning run (cut or stalled by
 * a TCP proxy between the service and PostgreSQL, never by stopping the shared server), or a
 * statement waits too long: the service answers 503 with Retry-After within its configured
 * timeouts, recovers by itself, and loses nothing it acknowledged.
 */
class DatabaseOutageTest extends EndToEndTest {

    @Test
    void anOutageIs503WithRetryAfterAndTheServiceRecoversWithoutLosingAnything() throws Exception {
        TestServer.requirePostgres();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            start(TestServer.start(
                    TestServer.Database.POSTGRES, Map.of("SCIM_TEST_DB_PORT", Integer.toString(proxy.port()))));
            List<String> acknowledged = new ArrayList<>();
            List<Integer> duringOutage = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Http.Answer created = okta("POST", "/Users", "{\"userName\":\"before" + i + "@acme.example\"}");
                assertThat(created.status()).isEqualTo(201);
                acknowledged.add(created.json().get("id").asText());
            }

            proxy.cut();
            long cutAt = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                long sent = System.nanoTime();
                Http.Answer answer = okta("POST", "/Users", "{\"userName\":\"during" + i + "@acme.example\"}");
                duringOutage.add(answer.status());
                assertThat((System.nanoTime() - sent) / 1_000_000)
                        .as("answered within a bounded time")
                        .isLessThan(10_000);
                if (answer.status() == 503) {
                    assertThat(answer.header("Retry-After")).isNotBlank();
                    assertThat(answer.json().get("status").asText()).isEqualTo("503");
                } else if (answer.status() == 201) {
                    acknowledged.add(answer.json().get("id").asText());
                }
                if ((System.nanoTime() - cutAt) / 1_000_000 > 4_000) {
                    break;
                }
            }
            assertThat(Http.send("GET", server.baseUrl() + "/health/ready", null)
                            .status())
                    .isEqualTo(503);
            proxy.restore();

            Http.Answer recovered = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                recovered = okta("POST", "/Users", "{\"userName\":\"after" + attempt + "@acme.example\"}");
                if (recovered.status() == 201) {
                    acknowledged.add(recovered.json().get("id").asText());
                    break;
                }
                Thread.sleep(500);
            }

            assertThat(duringOutage).contains(503).doesNotContain(500);
            assertThat(recovered.status()).isEqualTo(201);
            for (String id : acknowledged) {
                assertThat(okta("GET", "/Users/" + id, null).status()).as(id).isEqualTo(200);
            }
        }
    }

    /** Small bounds for the tests below: a connection in 1 s, a statement in 1 s, any answer in 2 s. */
    private static final Map<String, String> SHORT_TIMEOUTS = Map.of(
            "SCIM_DB_CONNECT_TIMEOUT_SECONDS",
            "1",
            "SCIM_DB_STATEMENT_TIMEOUT_SECONDS",
            "1",
            "SCIM_DB_SOCKET_TIMEOUT_SECONDS",
            "2");

    @Test
    void aStalledDatabaseIs503WithinTheTimeoutsAndTheServiceRecovers() throws Exception {
        TestServer.requirePostgres();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            Map<String, String> settings = new HashMap<>(SHORT_TIMEOUTS);
            settings.put("SCIM_TEST_DB_PORT", Integer.toString(proxy.port()));
            start(TestServer.start(TestServer.Database.POSTGRES, settings));
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Http.Answer created = okta("POST", "/Users", "{\"userName\":\"before" + i + "@acme.example\"}");
                assertThat(created.status()).isEqualTo(201);
                acknowledged.add(created.json().get("id").asText());
            }

            proxy.stall();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<long[]>> inFlight = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String body = "{\"userName\":\"stalled" + i + "@acme.example\"}";
                    inFlight.add(clients.submit(() -> {
                        long sent = System.nanoTime();
                        Http.Answer answer = okta("POST", "/Users", body);
                        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                        assertThat(answer.header("Retry-After")).isNotBlank();
                        assertThat(answer.json().get("status").asText()).isEqualTo("503");
                        return new long[] {(System.nanoTime() - sent) / 1_000_000};
                    }));
                }
                for (Future<long[]> answered : inFlight) {
                    // Bounded by the socket timeout (2 s) plus the pool's connection timeout (1 s),
                    // with room for a busy machine; a whole stall would be 30 s and more.
                    assertThat(answered.get(20, TimeUnit.SECONDS)[0])
                            .as("ms to answer during the stall")
                            .isLessThan(6_000);
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(Http.send("GET", server.baseUrl() + "/health/live", null).status())
                    .isEqualTo(200);
            proxy.restore();

            Http.Answer recovered = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                recovered = okta("POST", "/Users", "{\"userName\":\"after" + attempt + "@acme.example\"}");
                if (recovered.status() == 201) {
                    acknowledged.add(recovered.json().get("id").asText());
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(recovered.status()).isEqualTo(201);
            for (String id : acknowledged) {
                assertThat(okta("GET", "/Users/" + id, null).status()).as(id).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aWriteWaitingLongerThanTheStatementTimeoutIs503(TestServer.Database database) throws Exception {
        start(TestServer.start(database, SHORT_TIMEOUTS));
        try (Connection holder = server.connectToDatabase()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM tenants WHERE id = ? FOR UPDATE")) {
                lock.setString(1, tenantId);
                lock.executeQuery().close();
            }

            long sent = System.nanoTime();
            Http.Answer blocked = admin("POST", "/admin/v1/tenants/" + tenantId + "/scim-token", null);
            long waited = (System.nanoTime() - sent) / 1_000_000;

            assertThat(blocked.status()).as(blocked.body()).isEqualTo(503);
            assertThat(blocked.header("Retry-After")).isNotBlank();
            assertThat(blocked.json().get("status").asText()).isEqualTo("503");
            assertThat(waited).as("ms waited for the lock").isBetween(800L, 5_000L);
            holder.rollback();
        }
        assertThat(admin("POST", "/admin/v1/tenants/" + tenantId + "/scim-token", null)
                        .status())
                .isEqualTo(201);
    }
}
