package com.javelo.scim.app.admin;

import com.javelo.scim.adapter.jersey.error.ScimErrorResponses;
import com.javelo.scim.app.access.AdminAuthenticated;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.domain.id.TenantId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Guards the {@link AdminAuthenticated} resources ({@code /admin/v1}), bound by name to what Jersey
 * matched rather than to the path's spelling: they exist only when SCIM_ADMIN_TOKEN is set, and then require
 * {@code Authorization: Bearer <token>} with either that token (compared in constant time: the
 * {@link AdminPrincipal.Operator}) or a company's console token (looked up by hash: a
 * {@link AdminPrincipal.CompanyAdmin} of that company).
 */
@AdminAuthenticated
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
        if (adminToken == null) {
            request.abortWith(ScimErrorResponses.of(
                    ScimErrors.notFound("the admin API is disabled; set SCIM_ADMIN_TOKEN to enable it")
                            .error()));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : "";
        Optional<AdminPrincipal> principal = resolve(given);
        if (principal.isEmpty()) {
            request.abortWith(ScimErrorResponses.of(ScimErrors.unauthorized(
                            "send 'Authorization: Bearer <SCIM_ADMIN_TOKEN or a console token>' to use the admin API")
                    .error()));
            return;
        }
        if (principal.get() instanceof AdminPrincipal.CompanyAdmin && !companyAdminsAllowed(request)) {
            request.abortWith(ScimErrorResponses.of(ScimErrors.forbidden(
                            "only the Javelo operator (SCIM_ADMIN_TOKEN) may do this; a console token acts for its own company")
                    .error()));
            return;
        }
        request.setProperty(AdminPrincipal.PROPERTY, principal.get());
    }

    /** Whether the endpoint Jersey matched admits company admins (deny by default). */
    private static boolean companyAdminsAllowed(ContainerRequestContext request) {
        ResourceMethod matched = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod();
        return matched != null
                && matched.getInvocable().getDefinitionMethod().isAnnotationPresent(CompanyAdminAllowed.class);
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
