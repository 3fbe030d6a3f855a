package com.javelo.scim.adapter.jersey.resource;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What a SCIM request was about, left as a request property for whoever records activity: the
 * userName or displayName the request body named. The response (its {@code id} and name) says
 * the rest when the request succeeds; this covers the requests that fail.
 */
public final class ActivitySubject {

    /** The request property holding the body's userName or displayName, when it had one. */
    public static final String RESOURCE_NAME = "javelo.scim.resourceName";

    private ActivitySubject() {}

    static void describe(ContainerRequestContext request, JsonNode body) {
        String name = nameOf(body);
        if (name != null) {
            request.setProperty(RESOURCE_NAME, name);
        }
    }

    /** @return a resource's (or a request body's) userName, else its displayName, else null */
    public static String nameOf(JsonNode resource) {
        if (resource == null || !resource.isObject()) {
            return null;
        }
        JsonNode name = resource.get("userName");
        if (name == null || !name.isTextual()) {
            name = resource.get("displayName");
        }
        return name != null && name.isTextual() ? name.asText() : null;
    }
}
