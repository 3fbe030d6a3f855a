package com.javelo.scim.app.health;

import com.javelo.scim.app.assembly.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Liveness (the process answers) and readiness (the database answers, and the instance is not
 * stopping), without authentication. A load balancer health-checks readiness: it goes 503 as soon
 * as a stop begins, while requests are still served (the drain), so the balancer stops sending
 * before the listener closes.
 */
@Path("health")
public final class HealthResource {

    private final Database database;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public HealthResource(Database database) {
        this.database = database;
    }

    /** From now on readiness answers 503: the instance is about to stop. */
    public void stopping() {
        stopping.set(true);
    }

    @GET
    @Path("live")
    public Response live() {
        return Response.ok("{\"status\":\"UP\"}", MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @Path("ready")
    public Response ready() {
        if (stopping.get()) {
            return Response.status(503)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"status\":\"STOPPING\"}")
                    .build();
        }
        if (database.isReachable()) {
            return Response.ok("{\"status\":\"UP\",\"database\":\"UP\"}", MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "5")
                .entity("{\"status\":\"DOWN\",\"database\":\"DOWN\"}")
                .build();
    }
}
