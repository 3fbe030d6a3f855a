package com.javelo.scim.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.app.access.AdminAuthenticated;
import com.javelo.scim.app.assembly.Services;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.json.CustomSchemaJson;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.usecase.tenant.ReportUndeclaredAttributes;
import com.javelo.scim.domain.id.TenantId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A company's own attributes (issue #15): its declaration of Javelo's user extension, which the
 * operator or the company's admin (its console token, for its own company only: another company
 * is a 404) reads and sets, and the attributes its identity provider sends that nobody declared.
 */
@Path("admin/v1/tenants/{id}/schema-extension")
@AdminAuthenticated
public final class CustomAttributesResource {

    private final Services services;

    public CustomAttributesResource(Services services) {
        this.services = services;
    }

    @GET
    @CompanyAdminAllowed
    public Response declaration(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return json(
                200, CustomSchemaJson.write(services.declareCustomAttributes().current(company(request, id))));
    }

    /** Replaces the declaration; stored values are kept (see {@code DeclareCustomAttributes}). */
    @PUT
    @CompanyAdminAllowed
    @Consumes({MediaType.APPLICATION_JSON, ScimMediaTypes.SCIM_JSON})
    public Response declare(@Context ContainerRequestContext request, @PathParam("id") String id, JsonNode body) {
        TenantId tenant = company(request, id);
        CustomSchema declared = services.declareCustomAttributes().declare(tenant, CustomSchemaJson.read(body));
        return json(200, CustomSchemaJson.write(declared));
    }

    /**
     * The attributes the company's IdP sends that nobody declared: each path, how many people carry
     * it, first and last seen. A root resource of its own (as the declaration's): a root at
     * {@code admin/v1/tenants/{id}} would take every path {@link AdminResource} serves below it.
     */
    @Path("admin/v1/tenants/{id}/undeclared-attributes")
    @AdminAuthenticated
    public static final class Undeclared {

        private final Services services;

        public Undeclared(Services services) {
            this.services = services;
        }

        @GET
        @CompanyAdminAllowed
        public Response list(@Context ContainerRequestContext request, @PathParam("id") String id) {
            TenantId tenant = company(services, request, id);
            ObjectNode body = ScimJson.nodes().objectNode();
            ArrayNode list = body.putArray("attributes");
            for (ReportUndeclaredAttributes.Undeclared attribute :
                    new ReportUndeclaredAttributes(services.persistence().users()).execute(tenant)) {
                list.addObject()
                        .put("path", attribute.path())
                        .put("users", attribute.users())
                        .put("firstSeen", attribute.firstSeen().toString())
                        .put("lastSeen", attribute.lastSeen().toString());
            }
            Response response = json(200, body);
            response.getHeaders().putSingle("Cache-Control", "no-store");
            return response;
        }
    }

    private TenantId company(ContainerRequestContext request, String id) {
        return company(services, request, id);
    }

    /** The company, if the principal may act for it; 404 otherwise (as {@link AdminResource} does). */
    private static TenantId company(Services services, ContainerRequestContext request, String id) {
        TenantId tenant = AdminPrincipal.of(request).company(id);
        return services.persistence()
                .tenants()
                .findById(tenant)
                .map(found -> found.id())
                .orElseThrow(() -> ScimErrors.notFound(AdminResource.unknownCompany(id)));
    }

    private static Response json(int status, JsonNode body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
