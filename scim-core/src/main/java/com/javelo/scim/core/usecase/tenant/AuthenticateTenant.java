package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.domain.id.TenantId;
import java.util.Optional;

/**
 * Says which tenant a bearer token belongs to: the token's hash is looked up (and compared in
 * constant time by the store); the token itself is never stored or logged.
 */
public final class AuthenticateTenant {

    private final ApiTokens apiTokens;

    public AuthenticateTenant(ApiTokens apiTokens) {
        this.apiTokens = apiTokens;
    }

    public Optional<TenantId> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 512) {
            return Optional.empty();
        }
        return apiTokens.findTenant(TokenHash.of(bearerToken.strip()));
    }
}
