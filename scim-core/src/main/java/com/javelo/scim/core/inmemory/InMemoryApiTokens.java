package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.Optional;

/** API token hashes kept in memory. */
public final class InMemoryApiTokens implements ApiTokens {

    private final InMemoryState state;

    InMemoryApiTokens(InMemoryState state) {
        this.state = state;
    }

    @Override
    public void replace(TenantId tenant, TokenHash hash, Instant now) {
        state.atomically(() -> {
            revokeAll(tenant, now);
            state.credentials.add(new InMemoryState.Credential(tenant, hash, false));
        });
    }

    @Override
    public void revokeAll(TenantId tenant, Instant now) {
        state.atomically(() -> {
            state.credentials.replaceAll(credential -> credential.tenant().equals(tenant)
                    ? new InMemoryState.Credential(tenant, credential.hash(), true)
                    : credential);
        });
    }

    @Override
    public Optional<TenantId> findTenant(TokenHash hash) {
        return state.atomically(() -> state.credentials.stream()
                .filter(credential -> !credential.revoked() && credential.hash().sameAs(hash))
                .map(InMemoryState.Credential::tenant)
                .findFirst());
    }
}
