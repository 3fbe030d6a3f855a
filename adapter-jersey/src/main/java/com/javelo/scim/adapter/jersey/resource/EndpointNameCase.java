package com.javelo.scim.adapter.jersey.resource;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Matches SCIM endpoint names case-insensitively ({@code /scim/v2/users} is {@code /Users}):
 * Microsoft's reference collection requests {@code /users}, and RFC 7644 treats names
 * case-insensitively elsewhere. Ids after the endpoint keep their case.
 */
@PreMatching
@Priority(2)
public final class EndpointNameCase implements ContainerRequestFilter {

    private static final Map<String, String> CANONICAL = Map.of(
            "users", "Users",
            "groups", "Groups",
            "schemas", "Schemas",
            "resourcetypes", "ResourceTypes",
            "serviceproviderconfig", "ServiceProviderConfig",
            "serviceconfiguration", "serviceConfiguration",
            "bulk", "Bulk");

    @Override
    public void filter(ContainerRequestContext request) {
        URI requestUri = request.getUriInfo().getRequestUri();
        String path = request.getUriInfo().getPath();
        String prefix = "scim/v2/";
        if (!path.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        String endpoint = slash < 0 ? rest : rest.substring(0, slash);
        String canonical = CANONICAL.get(endpoint.toLowerCase(Locale.ROOT));
        if (canonical == null || canonical.equals(endpoint)) {
            return;
        }
        String fixed = "/" + prefix + canonical + (slash < 0 ? "" : rest.substring(slash));
        URI base = request.getUriInfo().getBaseUri();
        String basePath = base.getRawPath().endsWith("/")
                ? base.getRawPath().substring(0, base.getRawPath().length() - 1)
                : base.getRawPath();
        request.setRequestUri(
                base,
                UriBuilder.fromUri(requestUri).replacePath(basePath + fixed).build());
    }
}
