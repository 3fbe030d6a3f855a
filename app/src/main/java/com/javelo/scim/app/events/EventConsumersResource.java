package com.javelo.scim.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.app.access.AdminAuthenticated;
import com.javelo.scim.core.port.EventConsumer;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.JsonFields;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.id.TenantId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The operator registers the services that poll the event feed: each gets a token, shown once and
 * kept as a hash, and reads the events of its tenants (or of all). Revoking one stops its token
 * at once. Behind the admin token, like the rest of {@code /admin/v1}: the admin filter is bound by
 * {@link AdminAuthenticated}, not by path, so without it anyone could register a consumer of every tenant.
 */
@Path("admin/v1/event-consumers")
@AdminAuthenticated
public final class EventConsumersResource {

    /** Marks event consumer tokens, as {@code jscim_} marks SCIM API tokens. */
    private static final String PREFIX = "jscev_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventDelivery delivery;
    private final Tenants tenants;
    private final Clock clock;

    public EventConsumersResource(EventDelivery delivery, Tenants tenants, Clock clock) {
        this.delivery = delivery;
        this.tenants = tenants;
        this.clock = clock;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
    public Response register(JsonNode body) {
        String name = body == null ? null : JsonFields.text(body, "name", "name");
        if (name == null || name.isBlank()) {
            throw ScimErrors.invalidValue(
                    "an event consumer needs a 'name' and its 'tenants', e.g. "
                            + "{\"name\":\"reviews\",\"tenants\":[\"<tenant id>\"]} or {\"name\":\"reviews\",\"tenants\":\"all\"}");
        }
        TenantScope scope = scope(body.get("tenants"));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        EventConsumer consumer = delivery.feed().register(name.strip(), scope, TokenHash.of(token), clock.instant());
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(consumerJson(consumer).put("token", token))
                .build();
    }

    @GET
    public Response list() {
        ObjectNode body = ScimJson.nodes().objectNode();
        ArrayNode consumers = body.putArray("consumers");
        delivery.feed().consumers().forEach(consumer -> consumers.add(consumerJson(consumer)));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        if (!delivery.feed().revoke(id)) {
            return Response.status(404)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ScimJson.nodes()
                            .objectNode()
                            .put(
                                    "detail",
                                    "no event consumer has the id '" + id
                                            + "' (GET /admin/v1/event-consumers lists them)"))
                    .build();
        }
        return Response.noContent().build();
    }

    private TenantScope scope(JsonNode tenantsNode) {
        if (tenantsNode != null
                && tenantsNode.isTextual()
                && tenantsNode.asText().equals("all")) {
            return TenantScope.allTenants();
        }
        if (tenantsNode == null || !tenantsNode.isArray() || tenantsNode.isEmpty()) {
            throw ScimErrors.invalidValue("'tenants' must be \"all\" or a non-empty array of tenant ids");
        }
        Set<TenantId> ids = new LinkedHashSet<>();
        for (JsonNode id : tenantsNode) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw ScimErrors.invalidValue("'tenants' must hold tenant ids (strings), not " + id);
            }
            TenantId tenant = new TenantId(id.asText());
            tenants.findById(tenant).orElseThrow(() -> new UnknownTenant(id.asText()));
            ids.add(tenant);
        }
        return TenantScope.of(ids);
    }

    private static ObjectNode consumerJson(EventConsumer consumer) {
        ObjectNode node = ScimJson.nodes().objectNode().put("id", consumer.id()).put("name", consumer.name());
        if (consumer.scope().all()) {
            node.put("tenants", "all");
        } else {
            ArrayNode tenants = node.putArray("tenants");
            consumer.scope().tenants().stream().map(TenantId::value).sorted().forEach(tenants::add);
        }
        node.put("created", consumer.createdAt().toString());
        node.put("acknowledgedPosition", consumer.position());
        node.put("expiredUnacknowledged", consumer.expiredUnacknowledged());
        return node;
    }
}
