package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http.Answer;
import com.javelo.scim.app.e2e.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walking all users while other clients create, update and delete users (issue #18): with cursors
 * (RFC 9865), every user that existed for the whole walk is returned exactly once; with
 * startIndex, deletions ahead of the walk shift the offsets and users are skipped (measured and
 * logged, not asserted: docs/architecture.md, "Cursor paging").
 */
class CursorWalkUnderWritesTest extends EndToEndTest {

    private static final Logger LOG = LoggerFactory.getLogger(CursorWalkUnderWritesTest.class);
    private static final int PAGE = 10;

    /** Users that exist for the whole walk, and users deleted during it, interleaved in creation order. */
    private record Population(List<String> stable, List<String> doomed) {}

    private Population populate() {
        List<String> stable = new ArrayList<>();
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            stable.add(create("stable" + i + "@acme.example"));
            doomed.add(create("doomed" + i + "@acme.example"));
        }
        return new Population(stable, doomed);
    }

    private String create(String userName) {
        Answer created = okta(
                "POST",
                "/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]," + "\"userName\":\"" + userName
                        + "\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aCursorWalkReturnsEveryUserThatExistedThroughoutExactlyOnce(TestServer.Database database) throws Exception {
        start(database);
        Population population = populate();

        Map<String, Integer> seen = walkWhileWriting(population, this::cursorWalk);

        assertThat(population.stable())
                .allSatisfy(id -> assertThat(seen.get(id))
                        .as("times user %s was returned", id)
                        .isEqualTo(1));
        assertThat(seen.values()).containsOnly(1);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aStartIndexWalkUnderTheSameWritesIsMeasuredForComparison(TestServer.Database database) throws Exception {
        start(database);
        Population population = populate();

        Map<String, Integer> seen = walkWhileWriting(population, this::indexWalk);

        long missed =
                population.stable().stream().filter(id -> !seen.containsKey(id)).count();
        long repeated = seen.values().stream().filter(times -> times > 1).count();
        LOG.info(
                "startIndex walk on {} under concurrent writes: {} of {} users that existed throughout were"
                        + " skipped, {} returned more than once",
                database,
                missed,
                population.stable().size(),
                repeated);
        assertThat(seen).isNotEmpty();
    }

    /** Runs the walk while one client deletes the doomed users, one creates users and one updates the stable ones. */
    private Map<String, Integer> walkWhileWriting(
            Population population, Function<AtomicBoolean, Map<String, Integer>> walk) throws Exception {
        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicInteger created = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(writers.submit(() -> {
                for (String id : population.doomed()) {
                    if (!walking.get()) {
                        break;
                    }
                    assertThat(okta("DELETE", "/Users/" + id, null).status()).isEqualTo(204);
                    pause(8);
                }
            }));
            running.add(writers.submit(() -> {
                while (walking.get()) {
                    create("new" + created.incrementAndGet() + "@acme.example");
                    pause(8);
                }
            }));
            running.add(writers.submit(() -> {
                int i = 0;
                while (walking.get()) {
                    String id =
                            population.stable().get(i++ % population.stable().size());
                    assertThat(okta(
                                            "PATCH",
                                            "/Users/" + id,
                                            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                                                    + "PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"G"
                                                    + i + "\"}]}")
                                    .status())
                            .isEqualTo(200);
                    pause(8);
                }
            }));
            Map<String, Integer> seen = walk.apply(walking);
            walking.set(false);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            return seen;
        } finally {
            walking.set(false);
            writers.shutdownNow();
        }
    }

    private Map<String, Integer> cursorWalk(AtomicBoolean walking) {
        Map<String, Integer> seen = new HashMap<>();
        String cursor = "";
        while (cursor != null) {
            Answer page = okta("GET", "/Users?count=" + PAGE + "&cursor=" + cursor, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            count(page.json(), seen);
            cursor = page.json().has("nextCursor")
                    ? page.json().get("nextCursor").asText()
                    : null;
            pause(15);
        }
        return seen;
    }

    private Map<String, Integer> indexWalk(AtomicBoolean walking) {
        Map<String, Integer> seen = new HashMap<>();
        int startIndex = 1;
        while (true) {
            Answer page = okta("GET", "/Users?count=" + PAGE + "&startIndex=" + startIndex, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            int items = page.json().get("Resources").size();
            count(page.json(), seen);
            startIndex += items;
            if (items < PAGE) {
                return seen;
            }
            pause(15);
        }
    }

    private static void count(JsonNode page, Map<String, Integer> seen) {
        page.get("Resources").forEach(user -> seen.merge(user.get("id").asText(), 1, Integer::sum));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
