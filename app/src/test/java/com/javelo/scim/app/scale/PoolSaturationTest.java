package com.javelo.scim.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pool of two connections (the smallest a first start's migration runs with). On PostgreSQL each
 * is held by a request that waits on a row lock the test holds: other requests wait for a connection
 * at most SCIM_DB_CONNECT_TIMEOUT_SECONDS, then answer 503 with {@code Retry-After} — never queue
 * into the identity providers' 60 s timeout. On H2 writes take turns (docs/architecture.md,
 * "Durability on H2"), so one write waiting on the lock holds the turn and one connection: other
 * writes wait for their turn as long as for a connection, then answer the same 503, while reads go
 * on. Either way the service is whole again once the lock goes.
 */
class PoolSaturationTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aSaturatedPoolAnswers503WithinTheConnectTimeout(TestServer.Database database) throws Exception {
        start(TestServer.start(
                database,
                Map.of(
                        "SCIM_DB_POOL_SIZE",
                        "2",
                        "SCIM_DB_CONNECT_TIMEOUT_SECONDS",
                        "2",
                        "SCIM_DB_STATEMENT_TIMEOUT_SECONDS",
                        "8",
                        "SCIM_DB_SOCKET_TIMEOUT_SECONDS",
                        "12")));
        boolean writesTakeTurns = database == TestServer.Database.H2;
        List<String> held = writesTakeTurns
                ? List.of(create("alice@acme.example"))
                : List.of(create("alice@acme.example"), create("carol@acme.example"));
        String other = create("dave@acme.example");
        assertThat(okta("GET", "/Users/" + held.get(0), null).status()).isEqualTo(200); // the token is now remembered

        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (Connection holder = server.connectToDatabase()) {
            holder.setAutoCommit(false);
            List<Future<Http.Answer>> blocked = new ArrayList<>();
            for (String user : held) {
                try (PreparedStatement lock = holder.prepareStatement("select id from users where id = ? for update")) {
                    lock.setString(1, user);
                    lock.executeQuery().close();
                }
                // Takes a connection (on H2 the write turn first), then waits on the lock (up to the statement
                // timeout).
                blocked.add(clients.submit(() -> okta("PATCH", "/Users/" + user, titlePatch("CTO"))));
            }
            Thread.sleep(500);
            List<Future<long[]>> waiting = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waiting.add(clients.submit(() -> {
                    long sent = System.nanoTime();
                    Http.Answer answer = writesTakeTurns
                            ? okta("PATCH", "/Users/" + other, titlePatch("CFO"))
                            : okta("GET", "/Users?filter=" + encode("userName eq \"bob@acme.example\""), null);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                    assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
                    assertThat(answer.json().get("status").asText()).isEqualTo("503");
                    return new long[] {TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)};
                }));
            }
            if (writesTakeTurns) {
                // A write stuck on a lock holds the turn, not the readers.
                Http.Answer read = okta("GET", "/Users/" + other, null);
                assertThat(read.status()).as(read.body()).isEqualTo(200);
            }
            for (Future<long[]> answered : waiting) {
                // The pool's wait is 2 s; room for a busy machine, far from the clients' 60 s.
                assertThat(answered.get(30, TimeUnit.SECONDS)[0])
                        .as("ms to answer while the pool is held")
                        .isBetween(1_500L, 6_000L);
            }
            holder.rollback();
            for (Future<Http.Answer> patch : blocked) {
                assertThat(patch.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        for (String user : held) {
            assertThat(okta("GET", "/Users/" + user, null).json().get("title").asText())
                    .isEqualTo("CTO");
        }
        assertThat(okta("GET", "/Users/" + other, null).json().has("title"))
                .as("the writes answered 503 wrote nothing")
                .isFalse();
        assertThat(okta("PATCH", "/Users/" + other, titlePatch("CFO")).status()).isEqualTo(200);
    }

    private static String titlePatch(String title) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                + "\"replace\",\"value\":{\"title\":\"" + title + "\"}}]}";
    }

    private String create(String userName) {
        return okta("POST", "/Users", "{\"userName\":\"" + userName + "\"}")
                .json()
                .get("id")
                .asText();
    }
}
