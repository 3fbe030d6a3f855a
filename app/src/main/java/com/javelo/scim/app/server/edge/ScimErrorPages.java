package com.javelo.scim.app.server.edge;

import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.core.protocol.error.ScimErrors;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Grizzly answers when a request fails before or around Jersey (Jersey cannot even build the
 * request's URI from {@code /%zz} or a NUL byte; a bug escapes the container): a SCIM error, never
 * Grizzly's HTML page with its stack trace and version. A URI that cannot be parsed is the client's
 * mistake (400); anything else gets the generic 500 with a correlation id, as Jersey's own would.
 */
final class ScimErrorPages implements ErrorPageGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(ScimErrorPages.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        ScimError error = error(status, exception);
        request.getResponse().setStatus(error.status());
        request.getResponse().setContentType(EdgeAnswers.SCIM_JSON_UTF8);
        return new String(EdgeAnswers.json(error), StandardCharsets.UTF_8);
    }

    /** The SCIM error for a request that failed with {@code status} (a 500 is logged with its correlation id). */
    static ScimError error(int status, Throwable exception) {
        ScimError error;
        if (causedBy(exception, URISyntaxException.class)) {
            error = ScimErrors.badRequest("the request URI does not form a valid URI (RFC 3986): percent-encode "
                            + "characters such as \" < > \\ ^ ` { | } in the path and query")
                    .error();
        } else if (status >= 500) {
            String correlationId = UUID.randomUUID().toString();
            LOG.error("unexpected error below the SCIM API, correlation id {}", correlationId, exception);
            error = ScimErrors.unexpected("an unexpected error occurred; quote correlation id " + correlationId
                            + " to Javelo support")
                    .error();
        } else {
            error = ScimErrors.ofHttpStatus(status, "the request could not be read (" + status + ")")
                    .error();
        }
        return error;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
