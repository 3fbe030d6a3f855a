package com.javelo.scim.adapter.jersey.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.adapter.jersey.auth.TenantAuthenticated;
import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.core.endpoint.AttributeSelection;
import com.javelo.scim.core.endpoint.ListParameters;
import com.javelo.scim.core.endpoint.RequestContext;
import com.javelo.scim.core.endpoint.ResourceEndpoint;
import com.javelo.scim.core.endpoint.ScimResponse;
import com.javelo.scim.core.protocol.etag.EntityTags;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP face of one SCIM collection: maps methods, parameters and headers to the core endpoint
 * and transcribes its answer. No SCIM rule lives here.
 */
@TenantAuthenticated
public abstract class ResourceCollection {

    private final ResourceEndpoint endpoint;
    private final ScimRequests requests;

    ResourceCollection(ResourceEndpoint endpoint, ScimRequests requests) {
        this.endpoint = endpoint;
        this.requests = requests;
    }

    @GET
    public Response list(
            @Context ContainerRequestContext request,
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count,
            @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @QueryParam("cursor") String cursor) {
        // "?cursor" without a value arrives as "": the first page of cursor paging (RFC 9865 §2).
        return HttpResponses.of(endpoint.list(
                context(request),
                new ListParameters(
                        filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes, cursor)));
    }

    @POST
    @Path(".search")
    @Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response search(@Context ContainerRequestContext request, JsonNode body) {
        return HttpResponses.of(endpoint.search(context(request), body));
    }

    @POST
    @Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response create(
            @Context ContainerRequestContext request,
            JsonNode body,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        ActivitySubject.describe(request, body);
        return HttpResponses.of(
                endpoint.create(context(request), body, new AttributeSelection(attributes, excludedAttributes)));
    }

    @GET
    @Path("{id}")
    public Response get(
            @Context ContainerRequestContext request,
            @PathParam("id") String id,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        ScimResponse response =
                endpoint.get(context(request), id, new AttributeSelection(attributes, excludedAttributes));
        if (EntityTags.noneMatchFails(ifNoneMatch, response.entityTag())) {
            return Response.notModified().header("ETag", response.entityTag()).build();
        }
        return HttpResponses.of(response);
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response replace(
            @Context ContainerRequestContext request,
            @PathParam("id") String id,
            JsonNode body,
            @HeaderParam("If-Match") String ifMatch,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        ActivitySubject.describe(request, body);
        return HttpResponses.of(endpoint.replace(
                context(request),
                id,
                body,
                EntityTags.expectation(ifMatch),
                new AttributeSelection(attributes, excludedAttributes)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response patch(
            @Context ContainerRequestContext request,
            @PathParam("id") String id,
            JsonNode body,
            @HeaderParam("If-Match") String ifMatch,
            @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        return HttpResponses.of(endpoint.patch(
                context(request),
                id,
                body,
                EntityTags.expectation(ifMatch),
                new AttributeSelection(attributes, excludedAttributes)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(
            @Context ContainerRequestContext request,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch) {
        return HttpResponses.of(endpoint.delete(context(request), id, EntityTags.expectation(ifMatch)));
    }

    private RequestContext context(ContainerRequestContext request) {
        return requests.context(request);
    }
}
