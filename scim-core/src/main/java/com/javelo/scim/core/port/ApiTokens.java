package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing persistence port for tenants' bearer credentials of one {@link Purpose}. Only hashes
 * are stored: the token is shown once and never kept.
 */
public interface ApiTokens {

    /** What a token opens: the SCIM API (the identity provider's) or a company admin's console. */
    enum Purpose {
        SCIM,
        CONSOLE
    }

    /** Revokes the tenant's current token (if any) and makes {@code hash} its only valid one. */
    void replace(TenantId tenant, TokenHash hash, Instant now);

    /** Revokes every token of the tenant: the integration is deactivated. */
    void revokeAll(TenantId tenant, Instant now);

    /** @return the tenant whose unrevoked token has this hash */
    Optional<TenantId> findTenant(TokenHash hash);

    /** @return the tenant's unrevoked token's issue and last use, if it has one */
    Optional<TokenUse> current(TenantId tenant);

    /** Remembers when, and by which client, the tenant's unrevoked token was last used. */
    void recordUse(TenantId tenant, Instant usedAt, String client);
}
