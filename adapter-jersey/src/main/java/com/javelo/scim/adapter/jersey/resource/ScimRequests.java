package com.javelo.scim.adapter.jersey.resource;

import com.javelo.scim.adapter.jersey.HttpSettings;
import com.javelo.scim.adapter.jersey.RequestIdFilter;
import com.javelo.scim.adapter.jersey.auth.BearerAuthenticationFilter;
import com.javelo.scim.core.endpoint.RequestContext;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.domain.id.TenantId;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/** Builds the core's {@link RequestContext} from an authenticated JAX-RS request. */
final class ScimRequests {

    private final BaseUrls baseUrls;

    ScimRequests(HttpSettings settings) {
        this.baseUrls = new BaseUrls(settings);
    }

    RequestContext context(ContainerRequestContext request) {
        TenantId tenant = (TenantId) request.getProperty(BearerAuthenticationFilter.TENANT);
        if (tenant == null) {
            throw new IllegalStateException("SCIM resource reached without an authenticated tenant");
        }
        String baseUrl = baseUrls.of(request.getUriInfo().getBaseUri(), request::getHeaderString);
        Object requestId = request.getProperty(RequestIdFilter.PROPERTY);
        return new RequestContext(
                tenant,
                baseUrl,
                Cause.scimRequest(
                        requestId == null ? null : requestId.toString(),
                        request.getHeaderString(HttpHeaders.USER_AGENT),
                        baseUrl));
    }

    String baseUrl(UriInfo uriInfo, HttpHeaders headers) {
        return baseUrls.of(uriInfo, headers);
    }
}
