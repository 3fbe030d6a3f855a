package com.javelo.scim.adapter.jersey.error;

import com.javelo.scim.core.protocol.error.ScimErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own refusals (unknown path, method, media type) as SCIM Error bodies, never HTML. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status < 400) {
            return exception.getResponse();
        }
        return ScimErrorResponses.of((status == 400
                        ? ScimErrors.invalidSyntax(detail(status))
                        : ScimErrors.ofHttpStatus(status, detail(status)))
                .error());
    }

    private static String detail(int status) {
        switch (status) {
            case 400:
                return "the request is malformed";
            case 404:
                return "no such endpoint; SCIM resources live under /scim/v2 (Users, Groups, Schemas, ResourceTypes, ServiceProviderConfig)";
            case 405:
                return "this endpoint does not support that HTTP method";
            case 406:
                return "this service answers application/scim+json (or application/json)";
            case 413:
                return "the request body is too large";
            case 415:
                return "send the body as application/scim+json or application/json";
            default:
                return "the request could not be processed (HTTP " + status + ")";
        }
    }
}
