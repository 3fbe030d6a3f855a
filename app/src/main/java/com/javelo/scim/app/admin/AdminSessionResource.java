package com.javelo.scim.app.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.app.access.AdminAuthenticated;
import com.javelo.scim.app.assembly.Services;
import com.javelo.scim.core.protocol.json.ScimJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /admin/v1/session}: who the token belongs to, so that the console shows the right pages. */
@Path("admin/v1/session")
@AdminAuthenticated
public final class AdminSessionResource {

    private final Services services;

    public AdminSessionResource(Services services) {
        this.services = services;
    }

    @GET
    @CompanyAdminAllowed
    public Response session(@Context ContainerRequestContext request) {
        ObjectNode body = ScimJson.nodes().objectNode();
        if (AdminPrincipal.of(request) instanceof AdminPrincipal.CompanyAdmin admin) {
            body.put("role", "company-admin").put("tenantId", admin.tenant().value());
            services.persistence()
                    .tenants()
                    .findById(admin.tenant())
                    .ifPresent(tenant -> body.put("tenantName", tenant.name()));
        } else {
            body.put("role", "operator");
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }
}
