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
import org.junit.jupiter.api.Test;

/**
 * One company's burst beyond its rate gets 429s with an integer {@code Retry-After} and a SCIM
 * error; another company, at the same moment, is served as usual.
 */
class TenantRateLimitTest extends EndToEndTest {

    @Test
    void aBurstBeyondTheLimitIsAnswered429AndAnotherCompanyIsUnaffected() throws Exception {
        start(TestServer.start(
                TestServer.Database.H2, Map.of("SCIM_TENANT_RATE_LIMIT", "5", "SCIM_TENANT_RATE_BURST", "10")));
        String acme = token;
        String globexId = admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex\"}")
                .json()
                .get("id")
                .asText();
        String globex = admin("POST", "/admin/v1/tenants/" + globexId + "/scim-token", null)
                .json()
                .get("token")
                .asText();

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
        assertThat(Http.send("GET", server.baseUrl() + "/health/ready", null).status())
                .isEqualTo(200);
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
