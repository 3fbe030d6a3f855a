package com.javelo.scim.adapter.jersey.resource;

import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.core.endpoint.ScimResponse;
import jakarta.ws.rs.core.Response;

/**
 * Transcribes a core {@link ScimResponse} into HTTP: status, body, {@code ETag}, and {@code Location}
 * on every answer with a resource in its body.
 */
final class HttpResponses {

    private HttpResponses() {}

    static Response of(ScimResponse scim) {
        Response.ResponseBuilder response = Response.status(scim.status());
        scim.bodyIfAny()
                .ifPresent(body -> response.type(ScimMediaTypes.SCIM_JSON_UTF8).entity(body));
        scim.entityTagIfAny().ifPresent(tag -> response.header("ETag", tag));
        // Every answer that carries one resource names it (issue #18: some client libraries read
        // Location after a GET, PUT or PATCH too, not only after a 201); a 204 carries none.
        scim.locationIfAny()
                .filter(location -> scim.body() != null)
                .ifPresent(location -> response.header("Location", location));
        return response.build();
    }
}
