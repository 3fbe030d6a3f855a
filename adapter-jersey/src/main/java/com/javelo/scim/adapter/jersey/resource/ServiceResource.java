package com.javelo.scim.adapter.jersey.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.adapter.jersey.auth.TenantAuthenticated;
import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.core.endpoint.BulkEndpoint;
import com.javelo.scim.core.endpoint.DiscoveryEndpoint;
import com.javelo.scim.core.endpoint.ListParameters;
import com.javelo.scim.core.endpoint.SearchEndpoint;
import jakarta.ws.rs.Consumes;
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
 * Service-wide endpoints: discovery ({@code /ServiceProviderConfig}, {@code /ResourceTypes},
 * {@code /Schemas}; they need a valid token, and the last two show the company's own declared
 * extension), {@code POST /.search} and
 * {@code POST /Bulk}.
 */
@Path("scim/v2")
@TenantAuthenticated
public final class ServiceResource {

    private final DiscoveryEndpoint discovery;
    private final SearchEndpoint search;
    private final BulkEndpoint bulk;
    private final ScimRequests requests;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    ServiceResource(DiscoveryEndpoint discovery, SearchEndpoint search, BulkEndpoint bulk, ScimRequests requests) {
        this.discovery = discovery;
        this.search = search;
        this.bulk = bulk;
        this.requests = requests;
    }

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return HttpResponses.of(discovery.serviceProviderConfig(baseUrl()));
    }

    /** Microsoft's reference collection reads the configuration here. */
    @GET
    @Path("serviceConfiguration")
    public Response serviceConfiguration() {
        return serviceProviderConfig();
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes(@Context ContainerRequestContext request) {
        return HttpResponses.of(
                discovery.resourceTypes(requests.context(request).tenant(), baseUrl()));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@Context ContainerRequestContext request, @PathParam("name") String name) {
        return HttpResponses.of(discovery.resourceType(requests.context(request).tenant(), baseUrl(), name));
    }

    @GET
    @Path("Schemas")
    public Response schemas(@Context ContainerRequestContext request) {
        // With the company's declared extension: each company sees its own catalogue.
        return HttpResponses.of(discovery.schemas(requests.context(request).tenant(), baseUrl()));
    }

    @GET
    @Path("Schemas/{urn}")
    public Response schema(@Context ContainerRequestContext request, @PathParam("urn") String urn) {
        return HttpResponses.of(discovery.schema(requests.context(request).tenant(), baseUrl(), urn));
    }

    @POST
    @Path(".search")
    @Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response searchAll(@Context ContainerRequestContext request, JsonNode body) {
        return HttpResponses.of(search.searchAll(requests.context(request), body));
    }

    /** GET /scim/v2?filter=…: a search from the root, across Users and Groups (RFC 7644 §3.4.2). */
    @GET
    public Response searchFromRoot(
            @Context ContainerRequestContext request,
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count,
            @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @QueryParam("cursor") String cursor) {
        return HttpResponses.of(search.list(
                requests.context(request),
                new ListParameters(
                        filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes, cursor)));
    }

    /** RFC 7644 §3.7; the operations run in scim-core, one ordinary use case each. */
    @POST
    @Path("Bulk")
    @Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response bulk(@Context ContainerRequestContext request, JsonNode body) {
        return HttpResponses.of(bulk.process(requests.context(request), body));
    }

    private String baseUrl() {
        return requests.baseUrl(uriInfo, headers);
    }
}
