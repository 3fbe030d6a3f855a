package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.app.e2e.Http.Answer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Another Javelo service learns what changed: the operator registers it as an event consumer, Okta
 * pushes a user, changes the profile, deactivates and reactivates them and pushes a group; the
 * consumer polls (RFC 8936), sees exactly those events as SETs signed with the key published at
 * {@code /events/v1/jwks.json}, acknowledges them and sees nothing more. A consumer of another
 * tenant never sees them; a long poll is woken by a deactivation; a revoked token answers 401.
 */
class EventFeedTest extends EndToEndTest {

    private static final String PREFIX = "urn:ietf:params:scim:event:prov:";
    private static final String DETAIL = "urn:javelo:params:scim:event:detail";

    private record Consumer(String id, String token) {}

    private record Set(String jti, JsonNode claims) {}

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aConsumerSeesExactlyTheOktaChangesOfItsTenantSignedAndNothingMoreOnceAcknowledged(TestServer.Database database)
            throws Exception {
        start(database);
        Consumer reviews = register("reviews", "[\"" + tenantId + "\"]");
        String acmeToken = token;
        String globexTenant = admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex\"}")
                .json()
                .get("id")
                .asText();
        Consumer globexReviews = register("globex-reviews", "[\"" + globexTenant + "\"]");

        // Okta: push, profile change, deactivation, reactivation, group push.
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
        String ann = created.json().get("id").asText();
        ObjectNode annAsRead = (ObjectNode) okta("GET", "/Users/" + ann, null).json();
        ((ObjectNode) annAsRead.get("name")).put("givenName", "Another");
        Answer updated = okta("PUT", "/Users/" + ann, annAsRead.toString());
        assertThat(updated.status()).isEqualTo(200);
        okta("PATCH", "/Users/" + ann, Http.body("okta/deactivate.json", Map.of()));
        okta("PATCH", "/Users/" + ann, Http.body("okta/reactivate.json", Map.of()));
        String group = okta(
                        "POST", "/Groups", Http.body("okta/create-group.json", Map.of("displayName", "Engineering")))
                .json()
                .get("id")
                .asText();
        assertThat(okta(
                                "PATCH",
                                "/Groups/" + group,
                                Http.body("okta/group-add-members.json", Map.of("first", ann, "second", ann)))
                        .status())
                .isEqualTo(204);
        // Globex's own change, which Acme's consumer must never see.
        token = globexToken(globexTenant);
        String bert = okta(
                        "POST",
                        "/Users",
                        Http.body(
                                "okta/create-user.json",
                                Map.of(
                                        "userName",
                                        "bert@globex.example",
                                        "givenName",
                                        "Bert",
                                        "externalId",
                                        "00uBert",
                                        "manager",
                                        "")))
                .json()
                .get("id")
                .asText();
        token = acmeToken;

        List<Set> sets = pollUntil(reviews, 6);
        assertThat(sets).hasSize(6);
        assertThat(sets)
                .extracting(set -> set.claims().get("events").fieldNames().next())
                .containsExactly(
                        PREFIX + "create:full",
                        PREFIX + "put:full",
                        PREFIX + "deactivate",
                        PREFIX + "activate",
                        PREFIX + "create:full",
                        PREFIX + "patch:full");
        for (Set set : sets) {
            JsonNode claims = set.claims();
            assertThat(claims.get("jti").asText()).isEqualTo(set.jti());
            assertThat(claims.get("aud").asText()).isEqualTo(reviews.id());
            assertThat(claims.get("iss").asText()).isEqualTo(server.baseUrl());
            assertThat(claims.get("txn").asText()).isNotBlank();
            assertThat(claims.at("/sub_id/format").asText()).isEqualTo("scim");
            assertThat(claims.at("/events/" + escape(DETAIL) + "/tenant").asText())
                    .isEqualTo(tenantId);
            assertThat(claims.at("/events/" + escape(DETAIL) + "/client").asText())
                    .isEqualTo("okta");
        }
        JsonNode creation = sets.get(0).claims();
        assertThat(creation.get("txn").asText()).isEqualTo(created.header("X-Request-Id"));
        assertThat(creation.get("sub_id"))
                .isEqualTo(Http.JSON.readTree(
                        "{\"format\":\"scim\",\"uri\":\"/Users/" + ann + "\",\"externalId\":\"00uAnn\"}"));
        assertThat(creation.at("/events/" + escape(PREFIX + "create:full") + "/data/userName")
                        .asText())
                .isEqualTo("ann@acme.example");
        assertThat(creation.at("/events/" + escape(DETAIL) + "/preExisting").asBoolean())
                .isFalse();
        JsonNode change = sets.get(1).claims();
        assertThat(change.get("txn").asText()).isEqualTo(updated.header("X-Request-Id"));
        assertThat(change.at("/events/" + escape(PREFIX + "put:full") + "/data"))
                .isEqualTo(updated.json());
        assertThat(change.at("/events/" + escape(DETAIL) + "/changes"))
                .containsExactly(
                        Http.JSON.readTree("{\"path\":\"name.givenName\",\"old\":\"Ann\",\"new\":\"Another\"}"));
        assertThat(sets.get(2).claims().at("/sub_id/uri").asText()).isEqualTo("/Users/" + ann);
        assertThat(sets.get(4)
                        .claims()
                        .at("/events/" + escape(PREFIX + "create:full") + "/data/displayName")
                        .asText())
                .isEqualTo("Engineering");
        assertThat(sets.get(5).claims().at("/sub_id/uri").asText()).isEqualTo("/Groups/" + group);
        assertThat(sets.get(5).claims().at("/events/" + escape(DETAIL) + "/members"))
                .extracting(JsonNode::asText)
                .containsExactly(ann);

        // Unacknowledged SETs come again; acknowledged ones never.
        assertThat(poll(reviews, "{\"returnImmediately\":true}").json().get("sets"))
                .hasSize(6);
        ArrayNode ack = Http.JSON.createArrayNode();
        sets.forEach(set -> ack.add(set.jti()));
        Answer acknowledged = poll(reviews, "{\"ack\":" + ack + ",\"returnImmediately\":true}");
        assertThat(acknowledged.json().get("sets")).isEmpty();
        assertThat(acknowledged.json().get("moreAvailable").asBoolean()).isFalse();
        assertThat(admin("GET", "/admin/v1/event-consumers", null).json().get("consumers"))
                .anySatisfy(listed -> assertThat(listed.get("id").asText()).isEqualTo(reviews.id()));

        // Globex's consumer sees Globex's event only.
        List<Set> globexSets = pollUntil(globexReviews, 1);
        assertThat(globexSets)
                .singleElement()
                .satisfies(set ->
                        assertThat(set.claims().at("/sub_id/uri").asText()).isEqualTo("/Users/" + bert));

        // A long poll is woken by a deactivation, well before its bounded wait ends.
        CompletableFuture<Answer> waiting =
                CompletableFuture.supplyAsync(() -> poll(reviews, "{\"returnImmediately\":false,\"maxEvents\":10}"));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        long deactivatedAt = System.nanoTime();
        okta("PATCH", "/Users/" + ann, Http.body("okta/deactivate.json", Map.of()));
        Answer woken = waiting.get(10, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deactivatedAt))
                .isLessThan(1000);
        assertThat(setsOf(woken))
                .singleElement()
                .satisfies(set -> assertThat(set.claims().get("events").has(PREFIX + "deactivate"))
                        .isTrue());

        // Revoked: its token stops working at once.
        assertThat(admin("DELETE", "/admin/v1/event-consumers/" + reviews.id(), null)
                        .status())
                .isEqualTo(204);
        Answer revoked = poll(reviews, "{\"returnImmediately\":true}");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("err").asText()).isEqualTo("invalid_token");
    }

    @org.junit.jupiter.api.Test
    void badRequestsSayWhatIsWrong() {
        start(TestServer.Database.H2);
        assertThat(admin("POST", "/admin/v1/event-consumers", "{\"tenants\":\"all\"}")
                        .status())
                .isEqualTo(400);
        assertThat(admin("POST", "/admin/v1/event-consumers", "{\"name\":\"x\",\"tenants\":[]}")
                        .json()
                        .get("detail")
                        .asText())
                .contains("'tenants'");
        assertThat(admin("POST", "/admin/v1/event-consumers", "{\"name\":\"x\",\"tenants\":[\"nobody\"]}")
                        .status())
                .isEqualTo(404);
        assertThat(admin("DELETE", "/admin/v1/event-consumers/nobody", null).status())
                .isEqualTo(404);
        assertThat(Http.send("POST", server.baseUrl() + "/admin/v1/event-consumers", "{}")
                        .status())
                .isEqualTo(401);
        assertThat(Http.send(
                                "POST",
                                server.baseUrl() + "/admin/v1/event-consumers",
                                "{\"name\":\"intruder\",\"tenants\":\"all\"}",
                                "Content-Type",
                                "application/json")
                        .status())
                .isEqualTo(401);
        assertThat(Http.send("GET", server.baseUrl() + "/admin/v1/event-consumers", null)
                        .status())
                .isEqualTo(401);
        Consumer all = register("audit", "\"all\"");

        Answer notAnObject = poll(all, "[1]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().get("err").asText()).isEqualTo("invalid_request");
        assertThat(poll(all, "{\"maxEvents\":-1}").json().get("description").asText())
                .contains("maxEvents");
        assertThat(poll(all, "{\"ack\":\"evt-1\"}").status()).isEqualTo(400);
        assertThat(poll(all, "{\"returnImmediately\":\"yes\"}").status()).isEqualTo(400);
        Answer unauthenticated =
                Http.send("POST", server.baseUrl() + "/events/v1/poll", "{}", "Content-Type", "application/json");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(poll(all, "{\"maxEvents\":0,\"ack\":[\"not-ours\"]}").json().get("sets"))
                .isEmpty();
    }

    private Consumer register(String name, String tenants) {
        Answer registered =
                admin("POST", "/admin/v1/event-consumers", "{\"name\":\"" + name + "\",\"tenants\":" + tenants + "}");
        assertThat(registered.status()).isEqualTo(201);
        return new Consumer(
                registered.json().get("id").asText(),
                registered.json().get("token").asText());
    }

    private String globexToken(String tenant) {
        Answer issued = admin("POST", "/admin/v1/tenants/" + tenant + "/scim-token", null);
        return issued.json().get("token").asText();
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

    /** Polls until {@code count} SETs are pending (the sequencer positions commits within moments). */
    private List<Set> pollUntil(Consumer consumer, int count) throws Exception {
        List<Set> sets = List.of();
        for (int attempt = 0; attempt < 50 && sets.size() < count; attempt++) {
            sets = setsOf(poll(consumer, "{\"returnImmediately\":true,\"maxEvents\":50}"));
            if (sets.size() < count) {
                Thread.sleep(100);
            }
        }
        return sets;
    }

    /** The SETs of a poll response, each signature verified against the published key. */
    private List<Set> setsOf(Answer answer) throws Exception {
        assertThat(answer.status()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(Http.send("GET", server.baseUrl() + "/events/v1/jwks.json", null)
                .body());
        List<Set> sets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        answer.json().get("sets").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JWSObject jws = JWSObject.parse(entry.getValue().asText());
            assertThat(jws.getHeader().getType().getType()).isEqualTo("secevent+jwt");
            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
            OctetKeyPair key = (OctetKeyPair) keys.getKeyByKeyId(jws.getHeader().getKeyID());
            assertThat(key.isPrivate()).isFalse();
            assertThat(jws.verify(new Ed25519Verifier(key)))
                    .as("signature of %s", entry.getKey())
                    .isTrue();
            sets.add(new Set(entry.getKey(), Http.JSON.readTree(jws.getPayload().toString())));
        }
        return sets;
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }
}
