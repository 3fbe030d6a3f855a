package com.javelo.scim.app.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.adapter.jersey.RequestIdFilter;
import com.javelo.scim.adapter.jersey.auth.BearerAuthenticationFilter;
import com.javelo.scim.adapter.jersey.resource.ActivitySubject;
import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.domain.id.TenantId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the {@link ActivityRecorder} about every authenticated SCIM request once it is answered:
 * writes (POST, PUT, PATCH, DELETE) and failures as entries, successful reads as a count, and the
 * token's use. It reads only the method, the path, the User-Agent, the request properties and the
 * response's own JSON (id, userName or displayName, and an error's status, scimType and detail):
 * never the Authorization header or a request body.
 */
@PreMatching
@Priority(2)
public final class ActivityFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "javelo.scim.activityStarted";
    private static final String PREFIX = "scim/v2/";

    private final ActivityRecorder recorder;

    public ActivityFilter(ActivityRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(BearerAuthenticationFilter.TENANT) instanceof TenantId tenant)) {
            return; // not SCIM, or not authenticated: no company to record it for
        }
        Instant now = recorder.now();
        String client = request.getHeaderString(HttpHeaders.USER_AGENT);
        recorder.tokenUsed(tenant, now, client);
        String method = request.getMethod();
        List<String> path = segments(request.getUriInfo().getPath());
        boolean read = method.equals("GET")
                || method.equals("HEAD")
                || (method.equals("POST")
                        && !path.isEmpty()
                        && path.get(path.size() - 1).equals(".search"));
        int status = response.getStatus();
        if (read && status < 400) {
            recorder.countRead(tenant, now);
            return;
        }
        JsonNode body = response.getEntity() instanceof JsonNode json ? json : null;
        boolean failed = status >= 400;
        String resourceId = path.size() > 1 && !path.get(1).startsWith(".")
                ? path.get(1)
                : !failed && body != null && body.path("id").isTextual()
                        ? body.get("id").asText()
                        : null;
        String name = !failed ? ActivitySubject.nameOf(body) : null;
        if (name == null && request.getProperty(ActivitySubject.RESOURCE_NAME) instanceof String given) {
            name = given;
        }
        Object started = request.getProperty(STARTED);
        long millis = started == null ? 0 : (System.nanoTime() - (Long) started) / 1_000_000;
        recorder.record(new ActivityEntry(
                null,
                tenant,
                now,
                client,
                method,
                path.isEmpty() ? null : path.get(0),
                resourceId,
                name,
                status,
                failed && body != null ? text(body, "scimType") : null,
                failed && body != null ? text(body, "detail") : null,
                (int) Math.min(millis, Integer.MAX_VALUE),
                (String) request.getProperty(RequestIdFilter.PROPERTY)));
    }

    /** The segments after {@code scim/v2/}: resource type, then id (or {@code .search}). */
    private static List<String> segments(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.startsWith(PREFIX)) {
            return List.of();
        }
        List<String> segments = new ArrayList<>(2);
        for (String part : relative.substring(PREFIX.length()).split("/")) {
            if (!part.isEmpty() && segments.size() < 2) {
                segments.add(part);
            }
        }
        return segments;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
