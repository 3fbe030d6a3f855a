package com.javelo.scim.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.adapter.jersey.HttpSettings;
import com.javelo.scim.adapter.jersey.RequestIdFilter;
import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.adapter.jersey.resource.BaseUrls;
import com.javelo.scim.app.access.AdminAuthenticated;
import com.javelo.scim.app.activity.ActivityRecorder;
import com.javelo.scim.app.assembly.Services;
import com.javelo.scim.core.endpoint.ListParameters;
import com.javelo.scim.core.endpoint.RequestContext;
import com.javelo.scim.core.endpoint.ScimResponse;
import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.core.port.ActivityQuery;
import com.javelo.scim.core.port.ProvisioningFigures;
import com.javelo.scim.core.port.TokenUse;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.json.JsonFields;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.usecase.user.ImportPeople;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Javelo's side of "Activate Okta": companies (tenants), their SCIM API token — shown once, stored
 * as a hash, regenerated or revoked here — their console tokens, their integration's status,
 * activity log and connection test, and the people who existed before the integration. The
 * operator may do everything; a company admin (console token) only what concerns its company.
 */
@Path("admin/v1/tenants")
@AdminAuthenticated
public final class AdminResource {

    private static final int PENDING_MANAGERS_SHOWN = 500;

    private final Services services;
    private final BaseUrls baseUrls;
    private final ActivityRecorder activity;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    public AdminResource(Services services, HttpSettings settings, ActivityRecorder activity) {
        this.services = services;
        this.baseUrls = new BaseUrls(settings);
        this.activity = activity;
    }

    static String unknownCompany(String id) {
        return "no company with id '" + id + "'";
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
    public Response createTenant(@Context ContainerRequestContext request, JsonNode body) {
        principal(request).requireOperator();
        String name = JsonFields.text(body, "name", "name");
        if (name == null || name.isBlank()) {
            throw ScimErrors.invalidValue("a tenant needs a 'name', e.g. {\"name\":\"Acme\"}");
        }
        Tenant tenant = services.createTenant().execute(name.strip());
        return json(201, tenantJson(tenant));
    }

    @GET
    public Response listTenants(@Context ContainerRequestContext request) {
        principal(request).requireOperator();
        ObjectNode body = ScimJson.nodes().objectNode();
        ArrayNode tenants = body.putArray("tenants");
        services.persistence().tenants().list().forEach(tenant -> tenants.add(tenantJson(tenant)));
        return json(200, body);
    }

    /** The company and its integration's status. */
    @GET
    @Path("{id}")
    @CompanyAdminAllowed
    public Response status(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Tenant tenant = company(request, id);
        ObjectNode body = tenantJson(tenant);
        body.put("scimBaseUrl", baseUrls.of(uriInfo, headers));
        ObjectNode token = body.putObject("scimToken");
        Optional<TokenUse> current = services.apiTokens().current(tenant.id());
        token.put("active", current.isPresent());
        current.ifPresent(use -> describeUse(token, tenant.id(), use));
        ProvisioningFigures.Figures figures = services.persistence().figures().figures(tenant.id());
        ObjectNode users = body.putObject("users");
        users.put("active", figures.activeUsers());
        users.put("deactivated", figures.deactivatedUsers());
        body.put("groups", figures.groups());
        body.put("pendingManagerReferences", figures.pendingManagerReferences());
        ObjectNode log = body.putObject("activityLog");
        log.put("enabled", activity.enabled());
        log.put("droppedEntries", activity.droppedEntries(tenant.id()));
        // Written per ended minute; this instance adds the minute still being counted.
        log.put(
                "successfulReadsLast24h",
                services.persistence()
                                .activityLog()
                                .readsSince(tenant.id(), activity.now().minus(Duration.ofDays(1)))
                        + activity.unwrittenReads(tenant.id()));
        if (principal(request) instanceof AdminPrincipal.Operator) {
            body.put(
                    "consoleTokenActive",
                    services.consoleTokens().current(tenant.id()).isPresent());
        }
        return json(200, body);
    }

    private void describeUse(ObjectNode token, TenantId tenant, TokenUse use) {
        token.put("issuedAt", use.issuedAt().toString());
        // This instance may have seen a newer use than the one written (at most a minute old).
        Optional<ActivityRecorder.TokenUseSeen> seen = activity.lastUseSeen(tenant)
                .filter(newer -> !newer.at().isBefore(use.issuedAt()))
                .filter(newer -> use.lastUsedAt() == null || newer.at().isAfter(use.lastUsedAt()));
        Instant lastUsed = seen.map(ActivityRecorder.TokenUseSeen::at).orElse(use.lastUsedAt());
        String client = seen.map(ActivityRecorder.TokenUseSeen::client).orElse(use.lastClient());
        token.put("lastUsedAt", lastUsed == null ? null : lastUsed.toString());
        token.put("lastClient", ClientNames.of(client));
        token.put("lastUserAgent", client);
    }

    /** Activates the integration, or regenerates its token: the previous one stops working at once. */
    @POST
    @Path("{id}/scim-token")
    @CompanyAdminAllowed
    public Response issueToken(@Context ContainerRequestContext request, @PathParam("id") String id) {
        String token = services.issueApiToken().execute(company(request, id).id());
        return tokenShownOnce(token);
    }

    @DELETE
    @Path("{id}/scim-token")
    @CompanyAdminAllowed
    public Response revokeToken(@Context ContainerRequestContext request, @PathParam("id") String id) {
        services.revokeApiToken().execute(company(request, id).id());
        return Response.noContent().build();
    }

    /** Gives the company's admin a console token (replacing the previous one); operator only. */
    @POST
    @Path("{id}/console-token")
    public Response issueConsoleToken(@Context ContainerRequestContext request, @PathParam("id") String id) {
        principal(request).requireOperator();
        String token = services.issueConsoleToken().execute(company(request, id).id());
        return tokenShownOnce(token);
    }

    @DELETE
    @Path("{id}/console-token")
    public Response revokeConsoleToken(@Context ContainerRequestContext request, @PathParam("id") String id) {
        principal(request).requireOperator();
        services.revokeConsoleToken().execute(company(request, id).id());
        return Response.noContent().build();
    }

    /**
     * Runs, inside the service and through the same endpoint code, the requests Okta's "Test API
     * Credentials" and Entra's "Test Connection" send, and says what each got.
     */
    @POST
    @Path("{id}/test-connection")
    @CompanyAdminAllowed
    public Response testConnection(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Tenant tenant = company(request, id);
        boolean active = services.apiTokens().current(tenant.id()).isPresent();
        RequestContext context = new RequestContext(tenant.id(), baseUrls.of(uriInfo, headers));
        ObjectNode body = ScimJson.nodes().objectNode();
        body.put("scimTokenActive", active);
        ArrayNode checks = body.putArray("checks");
        checks.add(check(
                active,
                "Okta",
                "Test API Credentials",
                "GET /Users?startIndex=1&count=2",
                () -> services.scim()
                        .users()
                        .list(context, new ListParameters(null, "1", "2", null, null, null, null))));
        String unknown = UUID.randomUUID().toString();
        checks.add(check(
                active,
                "Entra",
                "Test Connection",
                "GET /Users?filter=userName eq \"" + unknown + "\"",
                () -> services.scim()
                        .users()
                        .list(
                                context,
                                new ListParameters(
                                        "userName eq \"" + unknown + "\"", null, null, null, null, null, null))));
        boolean ok = true;
        for (JsonNode check : checks) {
            ok &= check.get("ok").asBoolean();
        }
        body.put("ok", ok);
        return json(200, body);
    }

    private static ObjectNode check(
            boolean active, String client, String name, String request, java.util.function.Supplier<ScimResponse> run) {
        ObjectNode check = ScimJson.nodes()
                .objectNode()
                .put("client", client)
                .put("name", name)
                .put("request", request);
        if (!active) {
            return check.put("status", 401)
                    .put("ok", false)
                    .put("detail", "no active SCIM token: activate the integration, then paste the token in " + client);
        }
        try {
            ScimResponse response = run.get();
            JsonNode total =
                    response.bodyIfAny().map(json -> json.get("totalResults")).orElse(null);
            check.put("status", response.status()).put("ok", response.status() == 200);
            if (total != null) {
                check.put("totalResults", total.asLong());
            }
            return check.put(
                    "detail",
                    response.status() == 200
                            ? client + " would accept this answer"
                            : "unexpected status " + response.status());
        } catch (ScimException e) {
            return check.put("status", e.error().status())
                    .put("ok", false)
                    .put("detail", e.error().detail());
        }
    }

    /** The provisioning activity log, newest first; {@code before} is the previous page's {@code nextCursor}. */
    @GET
    @Path("{id}/activity")
    @CompanyAdminAllowed
    public Response activityLog(
            @Context ContainerRequestContext request,
            @PathParam("id") String id,
            @QueryParam("errors") String errors,
            @QueryParam("limit") String limit,
            @QueryParam("before") String before) {
        Tenant tenant = company(request, id);
        ActivityQuery query = new ActivityQuery(
                "true".equalsIgnoreCase(errors),
                number(limit, "limit", 100, 1, ActivityQuery.MAX_LIMIT).intValue(),
                before == null || before.isBlank() ? null : number(before, "before", 0, 1, Long.MAX_VALUE));
        List<ActivityEntry> entries = services.persistence().activityLog().page(tenant.id(), query);
        ObjectNode body = ScimJson.nodes().objectNode();
        ArrayNode list = body.putArray("entries");
        for (ActivityEntry entry : entries) {
            list.addObject()
                    .put("id", entry.id())
                    .put("at", entry.occurredAt().toString())
                    .put("client", ClientNames.of(entry.client()))
                    .put("userAgent", entry.client())
                    .put("method", entry.method())
                    .put("resourceType", entry.resourceType())
                    .put("resourceId", entry.resourceId())
                    .put("resourceName", entry.resourceName())
                    .put("status", entry.status())
                    .put("scimType", entry.scimType())
                    .put("detail", entry.detail())
                    .put("durationMs", entry.durationMillis())
                    .put("requestId", entry.requestId());
        }
        body.put(
                "nextCursor",
                entries.size() == query.limit()
                        ? Long.toString(entries.get(entries.size() - 1).id())
                        : null);
        body.put("droppedEntries", activity.droppedEntries(tenant.id()));
        return noStore(json(200, body));
    }

    /** Who waits for which manager reference: the manager named is not provisioned yet. */
    @GET
    @Path("{id}/pending-managers")
    @CompanyAdminAllowed
    public Response pendingManagers(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Tenant tenant = company(request, id);
        ObjectNode body = ScimJson.nodes().objectNode();
        ArrayNode list = body.putArray("pending");
        for (ProvisioningFigures.PendingManager pending :
                services.persistence().figures().pendingManagers(tenant.id(), PENDING_MANAGERS_SHOWN)) {
            list.addObject()
                    .put("userId", pending.userId())
                    .put("userName", pending.userName())
                    .put("managerReference", pending.managerReference());
        }
        return noStore(json(200, body));
    }

    /** Loads a person who was in Javelo before the integration; the IdP finds and adopts them. */
    @POST
    @Path("{id}/users")
    @Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
    public Response importUser(@Context ContainerRequestContext request, @PathParam("id") String id, JsonNode body) {
        principal(request).requireOperator();
        TenantId tenant = company(request, id).id();
        String baseUrl = baseUrls.of(uriInfo, headers);
        Object requestId = request.getProperty(RequestIdFilter.PROPERTY);
        ScimResponse created = services.scim()
                .users()
                .importExisting(
                        new RequestContext(
                                tenant, baseUrl, Cause.admin(requestId == null ? null : requestId.toString(), baseUrl)),
                        body);
        return Response.status(created.status())
                .type(ScimMediaTypes.SCIM_JSON_UTF8)
                .entity(created.body())
                .build();
    }

    private static AdminPrincipal principal(ContainerRequestContext request) {
        return AdminPrincipal.of(request);
    }

    /** The company, if the principal may act for it; 404 (never a SCIM-path hint) otherwise. */
    private Tenant company(ContainerRequestContext request, String id) {
        TenantId tenant = principal(request).company(id);
        return services.persistence()
                .tenants()
                .findById(tenant)
                .orElseThrow(() -> ScimErrors.notFound(unknownCompany(id)));
    }

    private static Long number(String text, String name, long fallback, long min, long max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ScimErrors.invalidValue("'" + name + "' must be a whole number from " + min + " to " + max);
    }

    private static Response tokenShownOnce(String token) {
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(ScimJson.nodes().objectNode().put("token", token))
                .build();
    }

    /**
     * Imports a company's existing people from a CSV ({@code text/csv}) or a JSON array of SCIM users
     * (issue #18): {@code ?dryRun=true} answers the plan without writing; otherwise all rows are
     * written or none (any rejected row: 400 with the report), or with {@code ?partial=true} every
     * row that can be. The body may be up to 16 MiB (the HTTP edge's import limit).
     */
    @POST
    @Path("{id}/imports")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
    public Response importPeople(
            @PathParam("id") String id,
            String body,
            @QueryParam("dryRun") boolean dryRun,
            @QueryParam("partial") boolean partial,
            @Context ContainerRequestContext request) {
        principal(request).requireOperator();
        TenantId tenant = company(request, id).id();
        MediaType type = request.getMediaType();
        List<ImportPeople.Row> rows = type != null && "csv".equalsIgnoreCase(type.getSubtype())
                ? PeopleFiles.csv(body, services.customSchemas().of(tenant))
                : PeopleFiles.json(body);
        String baseUrl = baseUrls.of(uriInfo, headers);
        Object requestId = request.getProperty(RequestIdFilter.PROPERTY);
        ImportPeople.Report report = services.scim()
                .importPeople()
                .execute(new ImportPeople.Command(
                        tenant,
                        rows,
                        dryRun,
                        partial,
                        Cause.admin(requestId == null ? null : requestId.toString(), baseUrl)));
        return json(ImportReports.status(report), ImportReports.json(report));
    }

    /**
     * A company's people with their origin and whether the IdP has linked them (issue #18):
     * {@code filter}, {@code count}, and {@code startIndex} or {@code cursor} as for /Users.
     */
    @GET
    @Path("{id}/users")
    @CompanyAdminAllowed
    public Response listPeople(
            @Context ContainerRequestContext request,
            @PathParam("id") String id,
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count,
            @QueryParam("cursor") String cursor) {
        TenantId tenant = company(request, id).id();
        String baseUrl = baseUrls.of(uriInfo, headers);
        ScimResponse people = services.scim()
                .users()
                .listPeople(
                        new RequestContext(tenant, baseUrl),
                        new ListParameters(filter, startIndex, count, null, null, null, null, cursor));
        return json(people.status(), people.body());
    }

    private static ObjectNode tenantJson(Tenant tenant) {
        return ScimJson.nodes()
                .objectNode()
                .put("id", tenant.id().value())
                .put("name", tenant.name())
                .put("created", tenant.createdAt().toString());
    }

    private static Response noStore(Response response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        return response;
    }

    private static Response json(int status, JsonNode body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
