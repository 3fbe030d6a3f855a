package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.domain.tenant.TenantId;
import java.util.Optional;

/** Says which tenant a bearer token belongs to (a hash look-up), if any. */
public final class AuthenticateTenant {

    public Optional<TenantId> authenticate(String bearerToken) {
        throw new UnsupportedOperationException("being written");
    }
}
