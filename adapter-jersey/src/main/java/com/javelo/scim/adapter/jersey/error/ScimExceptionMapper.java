package com.javelo.scim.adapter.jersey.error;

import com.javelo.scim.core.protocol.error.ScimException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every protocol error the core raised, as a SCIM Error body with its status. */
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {

    private static final Logger LOG = LoggerFactory.getLogger(ScimExceptionMapper.class);

    @Override
    public Response toResponse(ScimException exception) {
        if (exception.error().status() >= 500) {
            // The cause (a database outage) matters to operators, never to clients.
            LOG.warn(
                    "answering {}: {}",
                    exception.error().status(),
                    exception.error().detail(),
                    exception.getCause());
        }
        return ScimErrorResponses.of(exception.error());
    }
}
