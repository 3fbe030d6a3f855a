package com.javelo.scim.adapter.jersey.error;

import com.javelo.scim.core.protocol.error.ScimError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected: 500 with a generic detail holding only a correlation id; the cause goes to
 * the server log under that id. Jersey picks the nearest supertype, so this never shadows the
 * specific mappers. A database failure is logged by its exception types and SQLStates only: the
 * databases' messages quote the values of the statement (profile values).
 */
public final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String correlationId = UUID.randomUUID().toString();
        List<String> sqlStates = sqlStates(exception);
        if (sqlStates.isEmpty()) {
            LOG.error("unexpected error, correlation id {}", correlationId, exception);
        } else {
            LOG.error("unexpected database error, correlation id {}: SQLState {} ({})", correlationId, sqlStates,
                    causeTypes(exception));
        }
        return ScimErrorResponses.of(new ScimError(500, null,
                "an unexpected error occurred; quote correlation id " + correlationId + " to Javelo support"));
    }

    private static List<String> sqlStates(Throwable exception) {
        List<String> states = new ArrayList<>();
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                states.add(String.valueOf(sql.getSQLState()));
            }
        }
        return states;
    }

    private static String causeTypes(Throwable exception) {
        List<String> types = new ArrayList<>();
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            types.add(cause.getClass().getName());
        }
        return String.join(" caused by ", types);
    }
}
