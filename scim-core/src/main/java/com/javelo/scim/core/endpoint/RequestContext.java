package com.javelo.scim.core.endpoint;

import com.javelo.scim.domain.id.TenantId;
import java.util.Objects;

/**
 * Who is asking and where the API lives: the tenant the bearer token identified, and the public
 * base URL of the SCIM API (e.g. {@code https://scim.javelo.io/scim/v2}) for {@code meta.location}.
 */
public record RequestContext(TenantId tenant, String baseUrl) {

    public RequestContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
