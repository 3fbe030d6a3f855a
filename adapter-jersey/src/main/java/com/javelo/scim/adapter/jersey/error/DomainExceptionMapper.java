package com.javelo.scim.adapter.jersey.error;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.domain.error.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The one route of a broken business rule to an HTTP answer: the core endpoints and use cases let
 * domain exceptions through, and this maps them with the core's one table ({@link ScimErrors#of}).
 */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        return ScimErrorResponses.of(ScimErrors.of(exception).error());
    }
}
