package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Long polls of the event feed wait without an HTTP worker (issue #13: no client may stall the
 * others): with 4 workers, 20 waiting polls leave SCIM requests and health checks answering at once;
 * each poll still gets the event written meanwhile, or nothing when its wait ends; and stopping the
 * server answers the polls still waiting rather than waiting for them.
 */
class LongPollTest extends EndToEndTest {

    private final ExecutorService clients = Executors.newFixedThreadPool(24);

    private record Consumer(String id, String token) {}

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void twentyWaitingLongPollsStallNobodyAndEachGetsTheNewEventOrNothingAtItsTimeout(TestServer.Database database)
            throws Exception {
        // 2 connections, so 4 HTTP workers.
        start(TestServer.start(database, Map.of("SCIM_DB_POOL_SIZE", "2", "SCIM_EVENT_LONG_POLL_SECONDS", "4")));
        List<Consumer> consumers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            consumers.add(register("consumer-" + i, "[\"" + tenantId + "\"]"));
        }
        List<CompletableFuture<Answer>> polls = new ArrayList<>();
        for (Consumer consumer : consumers) {
            for (int twice = 0; twice < 2; twice++) {
                polls.add(async(() -> poll(consumer, "{\"maxEvents\":10}")));
            }
        }
        Thread.sleep(1000);
        assertThat(polls).noneMatch(CompletableFuture::isDone);

        for (int i = 0; i < 3; i++) {
            assertThat(timed(() -> okta("GET", "/Users?count=1", null))).isLessThan(1000);
            assertThat(timed(() -> Http.send("GET", server.baseUrl() + "/health/live", null)))
                    .isLessThan(1000);
        }
        // A third poll of one consumer does not wait: answered at once, with nothing pending.
        long declinedAt = System.nanoTime();
        Answer third = poll(consumers.get(0), "{\"maxEvents\":10}");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - declinedAt))
                .isLessThan(1000);
        assertThat(third.json().get("sets")).isEmpty();
        assertThat(third.json().get("moreAvailable").asBoolean()).isFalse();

        long createdAt = System.nanoTime();
        Answer created = okta(
                "POST",
                "/Users",
                Http.body(
                        "okta/create-user.json",
                        Map.of(
                                "userName",
                                "ann@acme.example",
                                "givenName",
                                "Ann",
                                "externalId",
                                "00uAnn",
                                "manager",
                                "")));
        assertThat(created.status()).isEqualTo(201);
        for (CompletableFuture<Answer> poll : polls) {
            Answer woken = poll.get(3, TimeUnit.SECONDS);
            assertThat(woken.status()).isEqualTo(200);
            assertThat(woken.json().get("sets")).hasSize(1);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - createdAt)).isLessThan(3000);

        // Nothing comes for another tenant's consumer: its poll ends empty when its 4 s wait ends.
        String globex = admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex\"}")
                .json()
                .get("id")
                .asText();
        Consumer idle = register("idle", "[\"" + globex + "\"]");
        long pollAt = System.nanoTime();
        Answer timedOut = poll(idle, "{\"maxEvents\":10}");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pollAt);
        assertThat(timedOut.status()).isEqualTo(200);
        assertThat(timedOut.json().get("sets")).isEmpty();
        assertThat(timedOut.json().get("moreAvailable").asBoolean()).isFalse();
        assertThat(waited).isBetween(3_500L, 8_000L);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void stoppingTheServerAnswersAWaitingLongPollAtOnce(TestServer.Database database) throws Exception {
        start(database);
        Consumer consumer = register("reviews", "[\"" + tenantId + "\"]");
        CompletableFuture<Answer> waiting = async(() -> poll(consumer, "{\"maxEvents\":10}"));
        Thread.sleep(500);
        assertThat(waiting).isNotDone();

        long stoppingAt = System.nanoTime();
        server.close();
        server = null;
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt))
                .isLessThan(5_000);
        Answer answered = waiting.get(1, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(200);
        JsonNode sets = answered.json().get("sets");
        assertThat(sets).isEmpty();
    }

    private <T> CompletableFuture<T> async(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, clients);
    }

    /** @return how many milliseconds a request took to answer, asserting it succeeded */
    private static long timed(Supplier<Answer> request) {
        long start = System.nanoTime();
        Answer answer = request.get();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(answer.status()).isEqualTo(200);
        return took;
    }

    private Consumer register(String name, String tenants) {
        Answer registered =
                admin("POST", "/admin/v1/event-consumers", "{\"name\":\"" + name + "\",\"tenants\":" + tenants + "}");
        assertThat(registered.status()).isEqualTo(201);
        return new Consumer(
                registered.json().get("id").asText(),
                registered.json().get("token").asText());
    }

    private Answer poll(Consumer consumer, String body) {
        return Http.send(
                "POST",
                server.baseUrl() + "/events/v1/poll",
                body,
                "Authorization",
                "Bearer " + consumer.token(),
                "Content-Type",
                "application/json");
    }
}
