package com.javelo.scim.app.admin;

import com.javelo.scim.adapter.jersey.error.ScimErrorResponses;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.protocol.error.ScimError;
import com.javelo.scim.domain.id.TenantId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@code /admin/v1}: it exists only when SCIM_ADMIN_TOKEN is set, and then requires
 * {@code Authorization: Bearer <token>} with either that token (compared in constant time: the
 * {@link AdminPrincipal.Operator}) or a company's console token (looked up by hash: a
 * {@link AdminPrincipal.CompanyAdmin} of that company).
 */
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthenticationFilter implements ContainerRequestFilter {

    private final byte[] adminToken;
    private final ApiTokens consoleTokens;

    /** @param adminToken the configured token, or null when the admin API is disabled */
    public AdminAuthenticationFilter(String adminToken, ApiTokens consoleTokens) {
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.consoleTokens = consoleTokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("admin")) {
            return;
        }
        if (adminToken == null) {
            request.abortWith(ScimErrorResponses.of(new ScimError(404, null,
                    "the admin API is disabled; set SCIM_ADMIN_TOKEN to enable it")));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        Optional<AdminPrincipal> principal = resolve(given);
        if (principal.isEmpty()) {
            request.abortWith(ScimErrorResponses.of(new ScimError(401, null,
                    "send 'Authorization: Bearer <SCIM_ADMIN_TOKEN or a console token>' to use the admin API")));
            return;
        }
        request.setProperty(AdminPrincipal.PROPERTY, principal.get());
    }

    private Optional<AdminPrincipal> resolve(String given) {
        if (MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new AdminPrincipal.Operator());
        }
        if (given.isEmpty() || given.length() > 512) {
            return Optional.empty();
        }
        Optional<TenantId> company = consoleTokens.findTenant(TokenHash.of(given));
        return company.map(AdminPrincipal.CompanyAdmin::new);
    }
}
