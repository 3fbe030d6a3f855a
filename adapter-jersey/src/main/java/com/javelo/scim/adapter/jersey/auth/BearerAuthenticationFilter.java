package com.javelo.scim.adapter.jersey.auth;

import com.javelo.scim.adapter.jersey.error.ScimErrorResponses;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.usecase.tenant.AuthenticateTenant;
import com.javelo.scim.domain.id.TenantId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Every request Jersey matched to a {@link TenantAuthenticated} resource must carry {@code
 * Authorization: Bearer <token>}; the token alone says which tenant the request belongs to. The
 * token is never logged or echoed: failures say only what kind of credential was wrong.
 */
@TenantAuthenticated
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthenticationFilter implements ContainerRequestFilter {

    /** The request property holding the authenticated {@link TenantId}. */
    public static final String TENANT = "javelo.scim.tenant";

    /**
     * The request property where code in front of Jersey leaves what it found for the request's
     * token ({@link Authenticated}), so that a request's token is hashed and looked up once: an
     * unknown token costs the database one look-up, not two.
     */
    public static final String AUTHENTICATED = "javelo.scim.authenticated";

    /** What authenticating a token found: the company it opens, or none. */
    public record Authenticated(String token, Optional<TenantId> tenant) {}

    private final AuthenticateTenant authenticateTenant;

    public BearerAuthenticationFilter(AuthenticateTenant authenticateTenant) {
        this.authenticateTenant = authenticateTenant;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Credentials credentials = Credentials.read(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.token() == null) {
            reject(request, credentials.problem());
            return;
        }
        String token = credentials.token();
        // A request accepted as it arrived is served even if its token is replaced while it waits
        // for its company's turn, as one already running is.
        Optional<TenantId> tenant = request.getProperty(AUTHENTICATED) instanceof Authenticated earlier
                        && earlier.token().equals(token)
                ? earlier.tenant()
                : authenticateTenant.authenticate(token);
        if (tenant.isEmpty()) {
            reject(
                    request,
                    "the API token is not valid (unknown, regenerated or revoked); copy the current token from Javelo");
            return;
        }
        request.setProperty(TENANT, tenant.get());
        MDC.put("tenant", tenant.get().value());
    }

    /**
     * The token of a well-formed {@code Authorization: Bearer <token>} header, as {@link #filter}
     * reads it, or null (for code in front of Jersey that needs the company before it runs).
     */
    public static String tokenOf(String header) {
        return Credentials.read(header).token();
    }

    /** What an Authorization header holds: a token, or else why there is none, in words a person can act on. */
    private record Credentials(String token, String problem) {

        static Credentials read(String header) {
            if (header == null || header.isBlank()) {
                return problem("no Authorization header; send 'Authorization: Bearer <API token>'");
            }
            String credentials = header.strip();
            int space = firstWhitespace(credentials);
            if (space < 0 || !credentials.substring(0, space).equalsIgnoreCase("bearer")) {
                return problem(
                        "the Authorization header must use the Bearer scheme: 'Authorization: Bearer <API token>'");
            }
            String token = credentials.substring(space).strip();
            if (token.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                return problem("the token starts with 'Bearer' twice; paste only the token in your identity provider");
            }
            return new Credentials(token, null);
        }

        private static Credentials problem(String problem) {
            return new Credentials(null, problem);
        }
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void reject(ContainerRequestContext request, String detail) {
        request.abortWith(ScimErrorResponses.of(ScimErrors.unauthorized(detail).error()));
    }
}
