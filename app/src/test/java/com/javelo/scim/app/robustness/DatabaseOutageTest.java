package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database becomes unreachable for a few seconds during a provisioning run (cut by a TCP
 * proxy between the service and PostgreSQL, never by stopping the shared server): the service
 * answers 503 with Retry-After quickly, recovers by itself, and loses nothing it acknowledged.
 */
class DatabaseOutageTest extends EndToEndTest {

    @Test
    void anOutageIs503WithRetryAfterAndTheServiceRecoversWithoutLosingAnything() throws Exception {
        TestServer.requirePostgres();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            start(TestServer.start(TestServer.Database.POSTGRES,
                    Map.of("SCIM_TEST_DB_PORT", Integer.toString(proxy.port()))));
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
                assertThat((System.nanoTime() - sent) / 1_000_000).as("answered within a bounded time").isLessThan(10_000);
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
            assertThat(Http.send("GET", server.baseUrl() + "/health/ready", null).status()).isEqualTo(503);
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
}
