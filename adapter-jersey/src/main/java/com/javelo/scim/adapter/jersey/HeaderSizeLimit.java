package com.javelo.scim.adapter.jersey;

import com.javelo.scim.adapter.jersey.error.ScimErrorResponses;
import com.javelo.scim.core.protocol.error.ScimErrors;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Map;

/**
 * Refuses requests whose headers add up to more than a SCIM client ever sends (431, as a SCIM
 * error), so an oversized header gets an answer a client can read rather than a bare 400.
 */
@PreMatching
@Priority(0)
public final class HeaderSizeLimit implements ContainerRequestFilter {

    /** Okta's and Entra's headers are well under 2 KB; a bearer JWT under 8 KB. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        long total = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                total += header.getKey().length() + value.length() + 4;
            }
        }
        if (total > MAX_HEADER_BYTES) {
            request.abortWith(ScimErrorResponses.of(
                    ScimErrors.headersTooLarge("the request headers are larger than " + MAX_HEADER_BYTES + " bytes")
                            .error()));
        }
    }
}
