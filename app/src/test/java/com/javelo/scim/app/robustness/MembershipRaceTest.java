package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http.Answer;
import com.javelo.scim.app.e2e.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user deleted while a group PATCH adds them: the add either happens first (and the delete then
 * takes the membership with it) or is refused as an unknown member; never a 500, and no group is
 * left naming a deleted user. On PostgreSQL the foreign key used to surface as a 500 in 4 of 10.
 */
class MembershipRaceTest extends EndToEndTest {

    private static final int ROUNDS = 20;

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void deletingAUserWhileAGroupAddsThemIsNeverAServerError(TestServer.Database database) throws Exception {
        start(database);
        List<String> problems = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String user = okta("POST", "/Users", "{\"userName\":\"race" + round + "@acme.example\"}")
                        .json()
                        .get("id")
                        .asText();
                String group = okta("POST", "/Groups", "{\"displayName\":\"Race " + round + "\"}")
                        .json()
                        .get("id")
                        .asText();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Answer> delete = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return okta("DELETE", "/Users/" + user, null);
                });
                Future<Answer> add = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return okta(
                            "PATCH",
                            "/Groups/" + group,
                            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                                    + "PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                                    + user + "\"}]}]}");
                });
                Answer deleted = delete.get(60, TimeUnit.SECONDS);
                Answer added = add.get(60, TimeUnit.SECONDS);
                if (deleted.status() != 204) {
                    problems.add("round " + round + ": DELETE " + deleted.status() + " " + deleted.body());
                }
                if (!List.of(200, 204, 400, 404).contains(added.status())) {
                    problems.add("round " + round + ": PATCH " + added.status() + " " + added.body());
                } else if (added.status() == 400 && !added.body().contains("invalidValue")) {
                    problems.add("round " + round + ": PATCH 400 without invalidValue " + added.body());
                }
                if (okta("GET", "/Users/" + user, null).status() != 404) {
                    problems.add("round " + round + ": the deleted user is still served");
                }
                JsonNode stored = okta("GET", "/Groups/" + group, null).json();
                if (stored.has("members") && !stored.get("members").isEmpty()) {
                    problems.add("round " + round + ": the group still names " + stored.get("members"));
                }
                Answer filtered = okta("GET", "/Groups?filter=" + encode("members.value eq \"" + user + "\""), null);
                if (filtered.status() != 200
                        || filtered.json().get("totalResults").asInt() != 0) {
                    problems.add("round " + round + ": a group lists the deleted user: " + filtered.body());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
    }
}
