package com.javelo.scim.core.endpoint;

import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.domain.id.TenantId;
import java.util.Objects;

/**
 * Who is asking and where the API lives: the tenant the bearer token identified, and the public
 * base URL of the SCIM API (e.g. {@code https://scim.javelo.io/scim/v2}) for {@code meta.location}, and
 * what caused the request's changes (recorded with their events).
 */
public record RequestContext(TenantId tenant, String baseUrl, Cause cause) {

    public RequestContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        Objects.requireNonNull(cause, "cause");
    }

    /** A request whose id and client are unknown (e.g. a library call). */
    public RequestContext(TenantId tenant, String baseUrl) {
        this(tenant, baseUrl, Cause.unknown(baseUrl));
    }
}
