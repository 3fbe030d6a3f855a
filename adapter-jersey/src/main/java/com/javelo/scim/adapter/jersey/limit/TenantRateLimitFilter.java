package com.javelo.scim.adapter.jersey.limit;

import com.javelo.scim.adapter.jersey.auth.BearerAuthenticationFilter;
import com.javelo.scim.adapter.jersey.auth.TenantAuthenticated;
import com.javelo.scim.adapter.jersey.error.ScimErrorResponses;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.domain.id.TenantId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

/**
 * Runs right after authentication (the token says which company is asking) and answers 429 with
 * {@code Retry-After} in whole seconds when the company's bucket is empty; Okta and Entra both
 * wait that long and retry.
 */
@TenantAuthenticated
@Priority(Priorities.AUTHENTICATION + 100)
public final class TenantRateLimitFilter implements ContainerRequestFilter {

    private final TenantRateLimiter limiter;

    public TenantRateLimitFilter(TenantRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(BearerAuthenticationFilter.TENANT) instanceof TenantId tenant)) {
            return; // refused by authentication already
        }
        long wait = limiter.acquire(tenant);
        if (wait > 0) {
            long seconds = TenantRateLimiter.retryAfterSeconds(wait);
            Response refused = ScimErrorResponses.of(ScimErrors.tooManyRequests(
                            "too many requests from this company: " + "at most " + limiter.ratePerSecond()
                                    + " per second on this server; retry after " + seconds + " s")
                    .error());
            request.abortWith(Response.fromResponse(refused)
                    .header("Retry-After", Long.toString(seconds))
                    .build());
        }
    }
}
