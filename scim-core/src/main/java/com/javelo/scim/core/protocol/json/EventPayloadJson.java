package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.event.AttributeChange;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of an event with its {@link EventDetails}: the event's own fields (see
 * {@link DomainEventJson}) under {@code event}, then {@code cause}, {@code operation},
 * {@code resource}, {@code changes} and {@code preExisting}. For example:
 *
 * <pre>{@code
 * {"event":{"tenantId":"t1","userId":"u1",…},"cause":{"requestId":"r1","client":"okta","baseUrl":"https://…/scim/v2"},
 *  "operation":"PATCH","resource":{…as GET /Users/u1…},"changes":[{"path":"title","old":"Dev","new":"Lead"}],
 *  "preExisting":false}
 * }</pre>
 */
public final class EventPayloadJson {

    /** A domain event as read back with its details. */
    public record Stored(DomainEvent event, EventDetails details) {}

    private EventPayloadJson() {}

    public static String write(DomainEvent event, EventDetails details) {
        ObjectNode node = ScimJson.nodes().objectNode();
        node.set("event", readTree(DomainEventJson.write(event)));
        ObjectNode cause = node.putObject("cause");
        if (details.cause().requestId() != null) {
            cause.put("requestId", details.cause().requestId());
        }
        cause.put("client", details.cause().client().wireName())
                .put("baseUrl", details.cause().baseUrl());
        node.put("operation", details.operation().name());
        if (details.resource() != null) {
            node.set("resource", details.resource());
        }
        ArrayNode changes = node.putArray("changes");
        for (AttributeChange change : details.changes()) {
            changes.addObject()
                    .put("path", change.path())
                    .<ObjectNode>set("old", change.oldValue())
                    .set("new", change.newValue());
        }
        if (details.preExisting() != null) {
            node.put("preExisting", details.preExisting());
        }
        if (details.adopted()) {
            node.put("adopted", true);
        }
        return node.toString();
    }

    public static Stored read(String type, String json) {
        JsonNode node = readTree(json);
        if (!node.has("event")) {
            // Written before events carried details (schema version 4 and older).
            return new Stored(DomainEventJson.read(type, json), EventDetails.none());
        }
        DomainEvent event = DomainEventJson.read(type, node.get("event").toString());
        JsonNode cause = node.path("cause");
        List<AttributeChange> changes = new ArrayList<>();
        node.path("changes")
                .forEach(change -> changes.add(new AttributeChange(
                        change.path("path").asText(),
                        change.hasNonNull("old") ? change.get("old") : NullNode.getInstance(),
                        change.hasNonNull("new") ? change.get("new") : NullNode.getInstance())));
        EventDetails details = new EventDetails(
                new Cause(
                        cause.hasNonNull("requestId") ? cause.get("requestId").asText() : null,
                        Cause.Client.ofWireName(cause.path("client").asText("other")),
                        cause.path("baseUrl").asText("")),
                EventDetails.Operation.valueOf(node.path("operation").asText("PATCH")),
                node.get("resource") instanceof ObjectNode resource ? resource : null,
                changes,
                node.hasNonNull("preExisting") ? node.get("preExisting").asBoolean() : null,
                node.path("adopted").asBoolean(false));
        return new Stored(event, details);
    }

    private static JsonNode readTree(String json) {
        try {
            return ScimJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored event", e);
        }
    }
}
