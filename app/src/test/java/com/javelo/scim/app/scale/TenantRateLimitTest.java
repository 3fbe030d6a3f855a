package com.javelo.scim.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http;
import com.javelo.scim.app.e2e.TestServer;
import java.util.ArrayList;
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
 * One company's burst beyond its rate gets 429s with an integer {@code Retry-After} and a SCIM
 * error; another company, at the same moment, is served as usual.
 */
class TenantRateLimitTest extends EndToEndTest {

    @Test
    void aBurstBeyondTheLimitIsAnswered429AndAnotherCompanyIsUnaffected() throws Exception {
        startOnH2LimitedTo(1, 10);
        String acme = token;
        String globex = tokenOfNewCompany("Globex");

        List<Http.Answer> acmeAnswers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Http.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sent.add(clients.submit(() -> get(acme)));
            }
            for (Future<Http.Answer> answer : sent) {
                acmeAnswers.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }
        List<Http.Answer> refused =
                acmeAnswers.stream().filter(answer -> answer.status() == 429).toList();
        assertThat(acmeAnswers).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 429));
        assertThat(refused).hasSizeGreaterThanOrEqualTo(20);
        for (Http.Answer answer : refused) {
            String retryAfter = answer.header("Retry-After");
            assertThat(retryAfter).matches("[1-9][0-9]*");
            JsonNode error = answer.json();
            assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(error.get("status").asText()).isEqualTo("429");
            assertThat(error.get("detail").asText()).contains("retry after " + retryAfter + " s");
        }

        Http.Answer other = get(globex);
        assertThat(other.status())
                .as("another company's request while Acme is limited")
                .isEqualTo(200);
        List<Integer> respelled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            respelled.add(Http.send(
                            "GET",
                            server.baseUrl() + "/scim;x/v2/Users?filter="
                                    + encode("userName eq \"nobody@example.com\""),
                            null,
                            "Authorization",
                            "Bearer " + acme)
                    .status());
        }
        assertThat(respelled)
                .as("the same resources by another spelling of the path")
                .contains(429);
        assertThat(Http.send("GET", server.baseUrl() + "/health/ready", null).status())
                .isEqualTo(200);
    }

    /**
     * A refusal is answered after a pause ({@code RateLimitedScimApi.REFUSAL_PAUSE}: 250–750 ms), during
     * which it holds no worker thread: with more of Acme's refusals waiting than the server has
     * workers (16 here), another company's request is answered before nearly all of them.
     */
    @Test
    void refusalsWaitBeforeTheyAreAnsweredWithoutHoldingAWorker() throws Exception {
        startOnH2LimitedTo(1, 1);
        String acme = token;
        String globex = tokenOfNewCompany("Globex");
        assertThat(get(acme).status()).as("Acme's one request of its burst").isEqualTo(200);

        int waiting = 48;
        ExecutorService clients = Executors.newFixedThreadPool(waiting);
        try {
            List<Future<long[]>> refusals = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                refusals.add(clients.submit(() -> {
                    long sent = System.nanoTime();
                    Http.Answer answer = get(acme);
                    return new long[] {answer.status(), sent, System.nanoTime()};
                }));
            }
            Thread.sleep(150);
            Http.Answer other = get(globex);
            long otherAnswered = System.nanoTime();

            assertThat(other.status()).isEqualTo(200);
            int answeredAfterGlobex = 0;
            int refused = 0;
            for (Future<long[]> refusal : refusals) {
                long[] answer = refusal.get();
                if (answer[0] == 200) {
                    continue; // the bucket refills at 1/s: the odd request passes
                }
                assertThat(answer[0]).isEqualTo(429);
                assertThat(TimeUnit.NANOSECONDS.toMillis(answer[2] - answer[1]))
                        .as("a refusal waits out the pause")
                        .isGreaterThanOrEqualTo(240);
                refused++;
                if (answer[2] > otherAnswered) {
                    answeredAfterGlobex++;
                }
            }
            // Were the refusals holding the 16 workers, Globex would queue behind two thirds of them.
            assertThat(answeredAfterGlobex)
                    .as("Acme's refusals answered after Globex's request, of " + refused)
                    .isGreaterThan(refused * 3 / 4);
        } finally {
            clients.shutdown();
        }
    }

    /**
     * Within its rate, a company runs at most a quarter of the pool's connections at once (2 of
     * the test server's 8) and its other requests wait their turn: 32 at once, reads and creates,
     * are all answered.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void requestsBeyondACompanysLanesWaitTheirTurnAndAreAllAnswered(TestServer.Database database) throws Exception {
        start(TestServer.start(database, Map.of("SCIM_TENANT_RATE_LIMIT", "1000", "SCIM_TENANT_RATE_BURST", "1000")));
        String acme = token;
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            List<Future<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String userName = "lane" + i + "@acme.example";
                reads.add(clients.submit(() -> get(acme).status()));
                // A body too, read by Jersey on the worker that runs the request once let in.
                creates.add(clients.submit(() -> Http.send(
                                "POST",
                                server.baseUrl() + "/scim/v2/Users",
                                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                                        + userName + "\"}",
                                "Authorization",
                                "Bearer " + acme,
                                "Content-Type",
                                "application/scim+json")
                        .status()));
            }
            for (Future<Integer> status : reads) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
            for (Future<Integer> status : creates) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            clients.shutdown();
        }
    }

    /** A server on H2 that lets each company send {@code rate} requests a second, {@code burst} at once. */
    private void startOnH2LimitedTo(int rate, int burst) {
        start(TestServer.start(
                TestServer.Database.H2,
                Map.of(
                        "SCIM_TENANT_RATE_LIMIT",
                        Integer.toString(rate),
                        "SCIM_TENANT_RATE_BURST",
                        Integer.toString(burst))));
    }

    private String tokenOfNewCompany(String name) {
        String id = admin("POST", "/admin/v1/tenants", "{\"name\":\"" + name + "\"}")
                .json()
                .get("id")
                .asText();
        return admin("POST", "/admin/v1/tenants/" + id + "/scim-token", null)
                .json()
                .get("token")
                .asText();
    }

    private Http.Answer get(String bearer) {
        return Http.send(
                "GET",
                server.baseUrl() + "/scim/v2/Users?filter=" + encode("userName eq \"nobody@example.com\""),
                null,
                "Authorization",
                "Bearer " + bearer);
    }
}
