package com.javelo.scim.adapter.jersey.error;

import com.javelo.scim.core.protocol.error.ScimErrors;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected: 500 with a generic detail holding only a correlation id; the cause goes to
 * the server log under that id. Jersey picks the nearest supertype, so this never shadows the
 * specific mappers.
 */
public final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String correlationId = UUID.randomUUID().toString();
        LOG.error("unexpected error, correlation id {}", correlationId, exception);
        return ScimErrorResponses.of(ScimErrors.unexpected(
                        "an unexpected error occurred; quote correlation id " + correlationId + " to Javelo support")
                .error());
    }
}
