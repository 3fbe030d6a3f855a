package com.javelo.scim.adapter.jersey.error;

import com.javelo.scim.core.protocol.error.DomainErrorTranslator;
import com.javelo.scim.domain.error.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A business rule broken outside the core endpoints (e.g. admin operations), via the core's one table. */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        return ScimErrorResponses.of(DomainErrorTranslator.translate(exception));
    }
}
