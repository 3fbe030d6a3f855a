package com.javelo.scim.app.health;

import com.javelo.scim.app.assembly.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness (the process answers) and readiness (the database answers), without authentication. */
@Path("health")
public final class HealthResource {

    private final Database database;

    public HealthResource(Database database) {
        this.database = database;
    }

    @GET
    @Path("live")
    public Response live() {
        return Response.ok("{\"status\":\"UP\"}", MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("ready")
    public Response ready() {
        if (database.isReachable()) {
            return Response.ok("{\"status\":\"UP\",\"database\":\"UP\"}", MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "5")
                .entity("{\"status\":\"DOWN\",\"database\":\"DOWN\"}").build();
    }
}
