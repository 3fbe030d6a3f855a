package com.javelo.scim.adapter.jersey.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.adapter.jersey.media.ScimMediaTypes;
import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.json.ScimJson;
import jakarta.ws.rs.core.Response;

/** Renders a {@link ScimError} as RFC 7644 §3.12 asks: {@code status} as a string, {@code scimType} when known. */
public final class ScimErrorResponses {

    static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
    /** Seconds a client should wait after a 503: long enough for a database fail-over to settle. */
    static final String RETRY_AFTER_SECONDS = "5";

    private ScimErrorResponses() {}

    public static Response of(ScimError error) {
        ObjectNode body = body(error);
        Response.ResponseBuilder response = Response.status(error.status())
                .type(ScimMediaTypes.SCIM_JSON_UTF8)
                .entity(body);
        if (error.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"scim\"");
        }
        if (error.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** The error's JSON body alone, for answers written below Jersey (the HTTP server's own refusals). */
    public static ObjectNode body(ScimError error) {
        ObjectNode body = ScimJson.nodes().objectNode();
        body.putArray("schemas").add(ERROR_URN);
        body.put("status", Integer.toString(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType().wireValue());
        }
        body.put("detail", error.detail());
        return body;
    }
}
