package com.javelo.scim.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.adapter.jersey.HttpSettings;
import com.javelo.scim.adapter.jersey.RequestIdFilter;
import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.adapter.jersey.resource.BaseUrls;
import com.javelo.scim.app.assembly.Services;
import com.javelo.scim.core.endpoint.ListParameters;
import com.javelo.scim.core.endpoint.RequestContext;
import com.javelo.scim.core.endpoint.ScimResponse;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.json.JsonFields;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import com.javelo.scim.core.usecase.user.ImportPeople;
import java.util.List;
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

/**
 * Javelo's side of "Activate Okta": companies (tenants), their SCIM API token — shown once, stored
 * as a hash, regenerated or revoked here — and the people who existed before the integration.
 */
@Path("admin/v1/tenants")
@AdminAuthenticated
public final class AdminResource {

    private final Services services;
    private final BaseUrls baseUrls;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    public AdminResource(Services services, HttpSettings settings) {
        this.services = services;
        this.baseUrls = new BaseUrls(settings);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
    public Response createTenant(JsonNode body) {
        String name = JsonFields.text(body, "name", "name");
        if (name == null) {
            throw ScimErrors.invalidValue("a tenant needs a 'name', e.g. {\"name\":\"Acme\"}");
        }
        Tenant tenant = services.createTenant().execute(name);
        return json(201, tenantJson(tenant));
    }

    @GET
    public Response listTenants() {
        ObjectNode body = ScimJson.nodes().objectNode();
        ArrayNode tenants = body.putArray("tenants");
        services.persistence().tenants().list().forEach(tenant -> tenants.add(tenantJson(tenant)));
        return json(200, body);
    }

    /** Activates the integration, or regenerates its token: the previous one stops working at once. */
    @POST
    @Path("{id}/scim-token")
    public Response issueToken(@PathParam("id") String id) {
        String token = services.issueApiToken().execute(new TenantId(id));
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(ScimJson.nodes().objectNode().put("token", token)).build();
    }

    @DELETE
    @Path("{id}/scim-token")
    public Response revokeToken(@PathParam("id") String id) {
        services.revokeApiToken().execute(new TenantId(id));
        return Response.noContent().build();
    }

    /** Loads a person who was in Javelo before the integration; the IdP finds and adopts them. */
    @POST
    @Path("{id}/users")
    @Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
    public Response importUser(@PathParam("id") String id, JsonNode body,
            @Context ContainerRequestContext request) {
        TenantId tenant = new TenantId(id);
        services.persistence().tenants().findById(tenant).orElseThrow(() -> new UnknownTenant(id));
        String baseUrl = baseUrls.of(uriInfo, headers);
        Object requestId = request.getProperty(RequestIdFilter.PROPERTY);
        ScimResponse created = services.scim().users().importExisting(new RequestContext(tenant, baseUrl,
                Cause.admin(requestId == null ? null : requestId.toString(), baseUrl)), body);
        return Response.status(created.status()).type(ScimMediaTypes.SCIM_JSON_UTF8).entity(created.body()).build();
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
    public Response importPeople(@PathParam("id") String id, String body, @QueryParam("dryRun") boolean dryRun,
            @QueryParam("partial") boolean partial, @Context ContainerRequestContext request) {
        TenantId tenant = new TenantId(id);
        services.persistence().tenants().findById(tenant).orElseThrow(() -> new UnknownTenant(id));
        MediaType type = request.getMediaType();
        List<ImportPeople.Row> rows = type != null && "csv".equalsIgnoreCase(type.getSubtype())
                ? PeopleFiles.csv(body) : PeopleFiles.json(body);
        String baseUrl = baseUrls.of(uriInfo, headers);
        Object requestId = request.getProperty(RequestIdFilter.PROPERTY);
        ImportPeople.Report report = services.scim().importPeople().execute(new ImportPeople.Command(tenant, rows,
                dryRun, partial, Cause.admin(requestId == null ? null : requestId.toString(), baseUrl)));
        return json(ImportReports.status(report), ImportReports.json(report));
    }

    /**
     * A company's people with their origin and whether the IdP has linked them (issue #18):
     * {@code filter}, {@code count}, and {@code startIndex} or {@code cursor} as for /Users.
     */
    @GET
    @Path("{id}/users")
    public Response listPeople(@PathParam("id") String id, @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
            @QueryParam("cursor") String cursor) {
        TenantId tenant = new TenantId(id);
        services.persistence().tenants().findById(tenant).orElseThrow(() -> new UnknownTenant(id));
        String baseUrl = baseUrls.of(uriInfo, headers);
        ScimResponse people = services.scim().users().listPeople(new RequestContext(tenant, baseUrl),
                new ListParameters(filter, startIndex, count, null, null, null, null, cursor));
        return json(people.status(), people.body());
    }

    private static ObjectNode tenantJson(Tenant tenant) {
        return ScimJson.nodes().objectNode().put("id", tenant.id().value()).put("name", tenant.name())
                .put("created", tenant.createdAt().toString());
    }

    private static Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
