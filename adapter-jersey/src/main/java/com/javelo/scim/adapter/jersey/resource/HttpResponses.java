package com.javelo.scim.adapter.jersey.resource;

import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.core.endpoint.ScimResponse;
import jakarta.ws.rs.core.Response;

/** Transcribes a core {@link ScimResponse} into HTTP: status, body, {@code ETag}, {@code Location}. */
final class HttpResponses {

    private HttpResponses() {}

    static Response of(ScimResponse scim) {
        Response.ResponseBuilder response = Response.status(scim.status());
        scim.bodyIfAny().ifPresent(body -> response.type(ScimMediaTypes.SCIM_JSON_UTF8).entity(body));
        scim.entityTagIfAny().ifPresent(tag -> response.header("ETag", tag));
        scim.locationIfAny().filter(location -> scim.status() == 201)
                .ifPresent(location -> response.header("Location", location));
        return response.build();
    }
}
