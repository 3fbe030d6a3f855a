package com.javelo.scim.core.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.UserId;
import java.time.Instant;
import java.util.Collection;

/**
 * A feed event as the claims of a Security Event Token (RFC 8417) in the SCIM profile (RFC 9967):
 * {@code iss}, {@code iat}, {@code jti} (stable: from the event's id, so a consumer can
 * deduplicate), {@code aud}, {@code txn} (the request id), {@code toe} (when it happened),
 * {@code sub_id} of format {@code scim} (the resource's relative URI and its externalId), and
 * {@code events}: the RFC 9967 event, plus {@value #DETAIL} with what the SCIM profile has no
 * claim for (the change's old and new values, the client, the member ids, the tenant). For example,
 * a deactivation:
 *
 * <pre>{@code
 * {"iss":"https://scim.javelo.io","iat":1765000000,"jti":"evt-42","aud":"urn:javelo:event-consumer:…",
 *  "txn":"5d1c…","toe":1764990000,"sub_id":{"format":"scim","uri":"/Users/2819c2…","externalId":"00u1…"},
 *  "events":{"urn:ietf:params:scim:event:prov:deactivate":{},
 *            "urn:javelo:params:scim:event:detail":{"type":"UserDeactivated","tenant":"…","client":"okta",…}}}
 * }</pre>
 */
public final class SecurityEventTokens {

    public static final String CREATE_FULL = "urn:ietf:params:scim:event:prov:create:full";
    public static final String CREATE_NOTICE = "urn:ietf:params:scim:event:prov:create:notice";
    public static final String PUT_FULL = "urn:ietf:params:scim:event:prov:put:full";
    public static final String PUT_NOTICE = "urn:ietf:params:scim:event:prov:put:notice";
    public static final String PATCH_FULL = "urn:ietf:params:scim:event:prov:patch:full";
    public static final String PATCH_NOTICE = "urn:ietf:params:scim:event:prov:patch:notice";
    public static final String DELETE = "urn:ietf:params:scim:event:prov:delete";
    public static final String ACTIVATE = "urn:ietf:params:scim:event:prov:activate";
    public static final String DEACTIVATE = "urn:ietf:params:scim:event:prov:deactivate";
    /** Javelo's own event, beside the RFC 9967 one, about the same subject (RFC 8417 §2.2 allows several). */
    public static final String DETAIL = "urn:javelo:params:scim:event:detail";

    private SecurityEventTokens() {}

    /** @return the SET's {@code jti}: the same for every delivery of the event */
    public static String jti(long eventId) {
        return "evt-" + eventId;
    }

    /** @return the event id a {@code jti} names, or -1 when it names none of ours */
    public static long eventId(String jti) {
        if (jti == null || !jti.startsWith("evt-")) {
            return -1;
        }
        try {
            return Long.parseLong(jti.substring(4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static ObjectNode claims(FeedEvent feedEvent, String issuer, String audience, Instant issuedAt) {
        DomainEvent event = feedEvent.event();
        EventDetails details = feedEvent.details();
        ObjectNode claims = ScimJson.nodes().objectNode();
        claims.put("iss", issuer);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("jti", jti(feedEvent.id()));
        claims.put("aud", audience);
        if (details.cause().requestId() != null) {
            claims.put("txn", details.cause().requestId());
        }
        claims.put("toe", event.occurredAt().getEpochSecond());
        ObjectNode subject = claims.putObject("sub_id").put("format", "scim").put("uri", subjectUri(event));
        JsonNode externalId =
                details.resource() == null ? null : details.resource().get("externalId");
        if (externalId != null && externalId.isTextual()) {
            subject.put("externalId", externalId.asText());
        }
        ObjectNode events = claims.putObject("events");
        addProfileEvent(events, event, details);
        events.set(DETAIL, detail(event, details));
        return claims;
    }

    private static void addProfileEvent(ObjectNode events, DomainEvent event, EventDetails details) {
        if (event instanceof DomainEvent.UserDeactivated) {
            events.putObject(DEACTIVATE);
        } else if (event instanceof DomainEvent.UserReactivated) {
            events.putObject(ACTIVATE);
        } else if (event instanceof DomainEvent.UserDeleted || event instanceof DomainEvent.GroupDeleted) {
            events.putObject(DELETE);
        } else if (event instanceof DomainEvent.UserCreated || event instanceof DomainEvent.GroupCreated) {
            provisioning(events, CREATE_FULL, CREATE_NOTICE, details);
        } else if (details.operation() == EventDetails.Operation.REPLACE) {
            provisioning(events, PUT_FULL, PUT_NOTICE, details);
        } else {
            provisioning(events, PATCH_FULL, PATCH_NOTICE, details);
        }
    }

    /**
     * RFC 9967 §2.4: a {@code :full} event carries the resource in {@code data}; without a
     * representation (an event recorded before events carried one) the {@code :notice} event names
     * the changed attributes instead.
     */
    private static void provisioning(ObjectNode events, String full, String notice, EventDetails details) {
        if (details.resource() != null) {
            ObjectNode payload = events.putObject(full);
            payload.set("data", details.resource());
            JsonNode version = details.resource().path("meta").get("version");
            if (version != null && version.isTextual()) {
                payload.put("version", version.asText());
            }
        } else {
            ArrayNode attributes = events.putObject(notice).putArray("attributes");
            details.changes().forEach(change -> attributes.add(change.path()));
        }
    }

    private static ObjectNode detail(DomainEvent event, EventDetails details) {
        ObjectNode detail = ScimJson.nodes().objectNode();
        detail.put("type", event.type());
        detail.put("tenant", event.tenantId().value());
        detail.put("resourceType", EventSubjects.resourceType(event));
        detail.put("id", EventSubjects.resourceId(event));
        detail.put("occurred", event.occurredAt().toString());
        detail.put("client", details.cause().client().wireName());
        if (details.cause().requestId() != null) {
            detail.put("requestId", details.cause().requestId());
        }
        if (details.preExisting() != null) {
            detail.put("preExisting", details.preExisting());
        }
        if (details.adopted()) {
            detail.put("adopted", true);
        }
        if (!details.changes().isEmpty()) {
            ArrayNode changes = detail.putArray("changes");
            for (AttributeChange change : details.changes()) {
                changes.addObject()
                        .put("path", change.path())
                        .<ObjectNode>set("old", change.oldValue())
                        .set("new", change.newValue());
            }
        }
        if (event instanceof DomainEvent.MembersAdded added) {
            ids(detail.putArray("members"), added.userIds());
        } else if (event instanceof DomainEvent.MembersRemoved removed) {
            ids(detail.putArray("members"), removed.userIds());
        } else if (event instanceof DomainEvent.ManagerLinked linked) {
            detail.put("managerId", linked.managerId().value());
        } else if (event instanceof DomainEvent.GroupRenamed renamed) {
            detail.put("oldDisplayName", renamed.oldDisplayName()).put("newDisplayName", renamed.newDisplayName());
        }
        return detail;
    }

    private static void ids(ArrayNode array, Collection<UserId> ids) {
        ids.stream().map(UserId::value).sorted().forEach(array::add);
    }

    /** The resource's URI relative to the SCIM base URL (RFC 9967 §2.1). */
    private static String subjectUri(DomainEvent event) {
        return "/" + EventSubjects.resourceType(event) + "s/" + EventSubjects.resourceId(event);
    }
}
