package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing persistence port for tenants' API credentials. Only hashes are stored: the token is
 * shown once and never kept.
 */
public interface ApiTokens {

    /** Revokes the tenant's current token (if any) and makes {@code hash} its only valid one. */
    void replace(TenantId tenant, TokenHash hash, Instant now);

    /** Revokes every token of the tenant: the integration is deactivated. */
    void revokeAll(TenantId tenant, Instant now);

    /** @return the tenant whose unrevoked token has this hash */
    Optional<TenantId> findTenant(TokenHash hash);
}
