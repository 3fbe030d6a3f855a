package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.Http.Answer;
import com.javelo.scim.app.e2e.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Concurrent writers on one resource: nothing lost, exactly one winner where one must win. */
class ConcurrencyTest extends EndToEndTest {

    private <T> List<T> concurrently(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String user(String userName) {
        return okta("POST", "/Users", "{\"userName\":\"" + userName + "\"}")
                .json()
                .get("id")
                .asText();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void thirtyTwoConcurrentMemberAddsAreAllKept(TestServer.Database database) throws Exception {
        start(database);
        String group = okta("POST", "/Groups", "{\"displayName\":\"Everyone\"}")
                .json()
                .get("id")
                .asText();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            users.add(user("member" + i + "@acme.example"));
        }
        AtomicInteger next = new AtomicInteger();

        List<Integer> statuses = concurrently(
                32,
                () -> okta(
                                "PATCH",
                                "/Groups/" + group,
                                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                                        + "\"path\":\"members\",\"value\":[{\"value\":\""
                                        + users.get(next.getAndIncrement()) + "\"}]}]}")
                        .status());

        assertThat(statuses).containsOnly(204);
        assertThat(okta("GET", "/Groups/" + group, null).json().get("members")).hasSize(32);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void sixteenConcurrentCreatesOfOneUserNameHaveExactlyOneWinner(TestServer.Database database) throws Exception {
        start(database);

        List<Answer> answers = concurrently(16, () -> okta("POST", "/Users", "{\"userName\":\"race@acme.example\"}"));

        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus).containsEntry(201, 1L).containsEntry(409, 15L);
        answers.stream()
                .filter(answer -> answer.status() == 409)
                .forEach(answer ->
                        assertThat(answer.json().get("scimType").asText()).isEqualTo("uniqueness"));
        assertThat(okta("GET", "/Users?filter=userName%20eq%20%22race%40acme.example%22", null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void sixteenConcurrentPatchesOfOneUserWithoutIfMatchAllApply(TestServer.Database database) throws Exception {
        start(database);
        // Phone numbers live in the user's row alone; emails in rows of their own too: both write paths.
        for (String attribute : List.of("phoneNumbers", "emails")) {
            String id = user("busy-" + attribute + "@acme.example");
            AtomicInteger next = new AtomicInteger();

            // Each PATCH adds a value of its own: a lost update would lose one.
            List<Integer> statuses = concurrently(
                    16,
                    () -> okta(
                                    "PATCH",
                                    "/Users/" + id,
                                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                                            + "\"path\":\"" + attribute + "\",\"value\":[{\"value\":\""
                                            + next.getAndIncrement()
                                            + "@acme.example\",\"type\":\"other\"}]}]}")
                            .status());

            assertThat(statuses).as(attribute).containsOnly(200);
            Answer stored = okta("GET", "/Users/" + id, null);
            assertThat(stored.json().get(attribute)).as(attribute).hasSize(16);
            assertThat(stored.header("ETag")).as(attribute).isEqualTo("W/\"17\"");
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void concurrentPutsWithTheSameIfMatchHaveExactlyOneWinner(TestServer.Database database) throws Exception {
        start(database);
        Answer created = okta("POST", "/Users", "{\"userName\":\"contended@acme.example\"}");
        String id = created.json().get("id").asText();
        String etag = created.header("ETag");
        AtomicInteger n = new AtomicInteger();

        List<Integer> statuses = concurrently(
                8,
                () -> Http.send(
                                "PUT",
                                server.baseUrl() + "/scim/v2/Users/" + id,
                                "{\"userName\":\"contended@acme.example\",\"title\":\"writer " + n.incrementAndGet()
                                        + "\"}",
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                "application/scim+json",
                                "If-Match",
                                etag)
                        .status());

        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 412)).hasSize(7);
    }
}
