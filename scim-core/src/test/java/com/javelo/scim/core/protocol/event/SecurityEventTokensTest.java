package com.javelo.scim.core.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityEventTokensTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final UserId ANN = new UserId("u-ann");
    private static final Instant WHEN = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:05Z");
    private static final Cause OKTA = new Cause("req-7", Cause.Client.OKTA, "https://scim.example.com/scim/v2");
    private static final ObjectNode ANN_AS_READ = ScimJson.nodes()
            .objectNode()
            .put("id", "u-ann")
            .put("externalId", "00uAnn")
            .put("userName", "ann@acme.example");

    static {
        ANN_AS_READ.putObject("meta").put("version", "W/\"3\"");
    }

    private static JsonNode claims(DomainEvent event, EventDetails details) {
        return SecurityEventTokens.claims(
                new FeedEvent(9, 42, event, details), "https://scim.example.com", "consumer-1", ISSUED);
    }

    @Test
    void aCreationIsAFullCreateEventAboutTheUserWithTheEnvelopeOfRfc8417() {
        JsonNode claims = claims(
                new DomainEvent.UserCreated(ACME, ANN, "ann@acme.example", WHEN),
                new EventDetails(OKTA, EventDetails.Operation.CREATE, ANN_AS_READ, List.of(), false));

        assertThat(claims.get("iss").asText()).isEqualTo("https://scim.example.com");
        assertThat(claims.get("iat").asLong()).isEqualTo(ISSUED.getEpochSecond());
        assertThat(claims.get("toe").asLong()).isEqualTo(WHEN.getEpochSecond());
        assertThat(claims.get("jti").asText()).isEqualTo("evt-42");
        assertThat(SecurityEventTokens.eventId("evt-42")).isEqualTo(42);
        assertThat(claims.get("aud").asText()).isEqualTo("consumer-1");
        assertThat(claims.get("txn").asText()).isEqualTo("req-7");
        assertThat(claims.get("sub_id"))
                .isEqualTo(ScimJson.nodes()
                        .objectNode()
                        .put("format", "scim")
                        .put("uri", "/Users/u-ann")
                        .put("externalId", "00uAnn"));
        JsonNode create = claims.get("events").get("urn:ietf:params:scim:event:prov:create:full");
        assertThat(create.get("data")).isEqualTo(ANN_AS_READ);
        assertThat(create.get("version").asText()).isEqualTo("W/\"3\"");
        JsonNode detail = claims.get("events").get(SecurityEventTokens.DETAIL);
        assertThat(detail.get("type").asText()).isEqualTo("UserCreated");
        assertThat(detail.get("tenant").asText()).isEqualTo("acme");
        assertThat(detail.get("client").asText()).isEqualTo("okta");
        assertThat(detail.get("preExisting").asBoolean()).isFalse();
    }

    @Test
    void anUpdateIsAPutOrAPatchEventAsTheRequestWasWithOldAndNewValues() {
        DomainEvent updated = new DomainEvent.UserUpdated(ACME, ANN, Set.of("title"), WHEN);
        List<AttributeChange> changes =
                List.of(new AttributeChange("title", TextNode.valueOf("Dev"), TextNode.valueOf("Lead")));

        JsonNode put =
                claims(updated, new EventDetails(OKTA, EventDetails.Operation.REPLACE, ANN_AS_READ, changes, true));
        JsonNode patch =
                claims(updated, new EventDetails(OKTA, EventDetails.Operation.PATCH, ANN_AS_READ, changes, true));

        assertThat(put.get("events").has("urn:ietf:params:scim:event:prov:put:full"))
                .isTrue();
        assertThat(patch.get("events").has("urn:ietf:params:scim:event:prov:patch:full"))
                .isTrue();
        assertThat(put.get("events")
                        .get(SecurityEventTokens.DETAIL)
                        .get("changes")
                        .get(0))
                .isEqualTo(ScimJson.nodes()
                        .objectNode()
                        .put("path", "title")
                        .put("old", "Dev")
                        .put("new", "Lead"));
    }

    @Test
    void withoutARepresentationAnUpdateIsANoticeNamingTheAttributes() {
        JsonNode claims = claims(
                new DomainEvent.UserUpdated(ACME, ANN, Set.of("title"), WHEN),
                new EventDetails(
                        OKTA,
                        EventDetails.Operation.PATCH,
                        null,
                        List.of(new AttributeChange("title", TextNode.valueOf("Dev"), TextNode.valueOf("Lead"))),
                        null));

        assertThat(claims.get("events")
                        .get("urn:ietf:params:scim:event:prov:patch:notice")
                        .get("attributes"))
                .containsExactly(TextNode.valueOf("title"));
        assertThat(claims.get("sub_id").has("externalId")).isFalse();
    }

    @Test
    void lifecycleEventsUseTheRegisteredActivateDeactivateAndDeleteUris() {
        assertThat(claims(new DomainEvent.UserDeactivated(ACME, ANN, WHEN), EventDetails.none())
                        .get("events")
                        .has("urn:ietf:params:scim:event:prov:deactivate"))
                .isTrue();
        assertThat(claims(new DomainEvent.UserReactivated(ACME, ANN, WHEN), EventDetails.none())
                        .get("events")
                        .has("urn:ietf:params:scim:event:prov:activate"))
                .isTrue();
        JsonNode deleted =
                claims(new DomainEvent.GroupDeleted(ACME, new GroupId("g-1"), "Eng", WHEN), EventDetails.none());
        assertThat(deleted.get("events").has("urn:ietf:params:scim:event:prov:delete"))
                .isTrue();
        assertThat(deleted.get("sub_id").get("uri").asText()).isEqualTo("/Groups/g-1");
        assertThat(deleted.has("txn")).isFalse();
    }

    @Test
    void membershipEventsNameTheMembers() {
        JsonNode claims = claims(
                new DomainEvent.MembersAdded(
                        ACME, new GroupId("g-1"), Set.of(new UserId("u-2"), new UserId("u-1")), WHEN),
                EventDetails.none());

        assertThat(claims.get("events").get(SecurityEventTokens.DETAIL).get("members"))
                .containsExactly(TextNode.valueOf("u-1"), TextNode.valueOf("u-2"));
        assertThat(claims.get("events")
                        .get(SecurityEventTokens.DETAIL)
                        .get("resourceType")
                        .asText())
                .isEqualTo("Group");
    }
}
