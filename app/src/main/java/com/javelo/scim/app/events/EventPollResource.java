package com.javelo.scim.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.EventConsumer;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.protocol.event.FeedEvent;
import com.javelo.scim.core.protocol.event.SecurityEventTokens;
import com.javelo.scim.core.protocol.json.ScimJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Poll-based SET delivery (RFC 8936): a registered consumer posts its acknowledgements and gets
 * the SETs it has not acknowledged yet, oldest first; with {@code returnImmediately:false} (the
 * default) an empty feed suspends the request ({@link LongPolls}: no thread waits with it) until
 * events are positioned or SCIM_EVENT_LONG_POLL_SECONDS pass. The public key that verifies the SETs is at {@code jwks.json}.
 */
@Path("events/v1")
public final class EventPollResource {

    /** Fewer SETs per response than a consumer asks for keep a response small. */
    static final int MAX_EVENTS = 1000;

    private static final int DEFAULT_EVENTS = 100;

    private final EventDelivery delivery;
    private final String publicBaseUrl;
    private final Clock clock;

    /** @param publicBaseUrl SCIM_PUBLIC_BASE_URL, the SETs' issuer; null to take the request's base URL */
    public EventPollResource(EventDelivery delivery, String publicBaseUrl, Clock clock) {
        this.delivery = delivery;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    @GET
    @Path("jwks.json")
    public Response jwks() {
        return Response.ok(delivery.signer().publicJwks(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "max-age=300")
                .build();
    }

    @POST
    @Path("poll")
    public void poll(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            JsonNode body,
            @Context UriInfo uriInfo,
            @Suspended AsyncResponse async) {
        Optional<EventConsumer> found =
                bearer(authorization).flatMap(token -> delivery.feed().findConsumer(TokenHash.of(token)));
        if (found.isEmpty()) {
            async.resume(Response.status(401)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .entity(error(
                            "invalid_token",
                            "send 'Authorization: Bearer <event consumer token>'; the token "
                                    + "is unknown or its consumer was revoked"))
                    .build());
            return;
        }
        EventConsumer consumer = found.get();
        PollRequest request;
        try {
            request = PollRequest.of(body == null ? ScimJson.nodes().objectNode() : body);
        } catch (IllegalArgumentException e) {
            async.resume(Response.status(400)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(error("invalid_request", e.getMessage()))
                    .build());
            return;
        }
        List<Long> acknowledged = new ArrayList<>(request.acknowledged());
        acknowledged.addAll(request.failed());
        // A SET reported in setErrs is delivered (RFC 8936 §2.4.3): it counts, and is not sent again.
        delivery.feed().acknowledge(consumer, acknowledged);
        if (!request.failed().isEmpty()) {
            delivery.errorsReported(request.failed().size());
        }
        if (request.maxEvents() == 0) {
            ObjectNode response = ScimJson.nodes().objectNode();
            response.putObject("sets");
            response.put(
                    "moreAvailable",
                    !delivery.feed().unacknowledged(consumer, 1).isEmpty());
            async.resume(json(response));
            return;
        }
        // Read here, on the request's thread: the answer may be built on another one.
        String issuer = issuer(uriInfo);
        Supplier<Optional<Response>> pending = () -> {
            List<FeedEvent> events = delivery.feed().unacknowledged(consumer, request.maxEvents() + 1);
            return events.isEmpty() ? Optional.empty() : Optional.of(answer(consumer, request, events, issuer));
        };
        Supplier<Response> nothing = () -> answer(consumer, request, List.of(), issuer);
        if (request.returnImmediately() || !delivery.longPolls().suspend(consumer.id(), async, pending, nothing)) {
            async.resume(pending.get().orElseGet(nothing));
        }
    }

    /** The poll response: up to {@code maxEvents} of {@code pending} as signed SETs, oldest first. */
    private Response answer(EventConsumer consumer, PollRequest request, List<FeedEvent> pending, String issuer) {
        ObjectNode response = ScimJson.nodes().objectNode();
        ObjectNode sets = response.putObject("sets");
        var now = clock.instant();
        Iterator<FeedEvent> events = pending.iterator();
        for (int i = 0; i < request.maxEvents() && events.hasNext(); i++) {
            FeedEvent event = events.next();
            sets.put(
                    SecurityEventTokens.jti(event.id()),
                    delivery.signer().sign(SecurityEventTokens.claims(event, issuer, consumer.id(), now)));
        }
        delivery.delivered(sets.size());
        response.put("moreAvailable", pending.size() > request.maxEvents());
        return json(response);
    }

    private String issuer(UriInfo uriInfo) {
        String base =
                publicBaseUrl != null ? publicBaseUrl : uriInfo.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** RFC 8936 §2.4.4's error object. */
    private static ObjectNode error(String err, String description) {
        return ScimJson.nodes().objectNode().put("err", err).put("description", description);
    }

    private static Response json(ObjectNode body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** RFC 8936 §2.4's poll request, validated. */
    record PollRequest(List<Long> acknowledged, List<Long> failed, int maxEvents, boolean returnImmediately) {

        static PollRequest of(JsonNode body) {
            if (!body.isObject()) {
                throw new IllegalArgumentException("the poll request must be a JSON object, e.g. "
                        + "{\"ack\":[],\"maxEvents\":10,\"returnImmediately\":true}");
            }
            List<Long> acknowledged = new ArrayList<>();
            JsonNode ack = body.path("ack");
            if (!ack.isMissingNode() && !ack.isNull()) {
                if (!ack.isArray()) {
                    throw new IllegalArgumentException("'ack' must be an array of jti strings");
                }
                ack.forEach(jti -> acknowledged.add(SecurityEventTokens.eventId(jti.asText())));
            }
            List<Long> failed = new ArrayList<>();
            JsonNode errors = body.path("setErrs");
            if (!errors.isMissingNode() && !errors.isNull()) {
                if (!errors.isObject()) {
                    throw new IllegalArgumentException(
                            "'setErrs' must be an object of jti to {\"err\",\"description\"}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                    failed.add(SecurityEventTokens.eventId(it.next().getKey()));
                }
            }
            int maxEvents = DEFAULT_EVENTS;
            JsonNode max = body.path("maxEvents");
            if (!max.isMissingNode() && !max.isNull()) {
                if (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 0) {
                    throw new IllegalArgumentException("'maxEvents' must be a non-negative integer");
                }
                maxEvents = Math.min(max.asInt(), MAX_EVENTS);
            }
            JsonNode immediately = body.path("returnImmediately");
            if (!immediately.isMissingNode() && !immediately.isNull() && !immediately.isBoolean()) {
                throw new IllegalArgumentException("'returnImmediately' must be true or false");
            }
            acknowledged.removeIf(id -> id < 0);
            failed.removeIf(id -> id < 0);
            return new PollRequest(acknowledged, failed, maxEvents, immediately.asBoolean(false));
        }
    }
}
