package com.javelo.scim.app.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /metrics} in the Prometheus text format. */
@Path("metrics")
public final class MetricsResource {

    private final PrometheusMeterRegistry registry;

    public MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Response scrape() {
        return Response.ok(registry.scrape(), "text/plain; version=0.0.4; charset=utf-8")
                .build();
    }
}
