package com.javelo.scim.app.admin;

import com.javelo.scim.adapter.jersey.error.ScimErrorResponses;
import com.javelo.scim.core.protocol.error.ScimError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the {@link AdminAuthenticated} resources ({@code /admin/v1}): they exist only when
 * SCIM_ADMIN_TOKEN is set, and then require {@code Authorization: Bearer <SCIM_ADMIN_TOKEN>},
 * compared in constant time.
 */
@AdminAuthenticated
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthenticationFilter implements ContainerRequestFilter {

    private final byte[] adminToken;

    /** @param adminToken the configured token, or null when the admin API is disabled */
    public AdminAuthenticationFilter(String adminToken) {
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (adminToken == null) {
            request.abortWith(ScimErrorResponses.of(new ScimError(404, null,
                    "the admin API is disabled; set SCIM_ADMIN_TOKEN to enable it")));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(ScimErrorResponses.of(new ScimError(401, null,
                    "send 'Authorization: Bearer <SCIM_ADMIN_TOKEN>' to use the admin API")));
        }
    }
}
