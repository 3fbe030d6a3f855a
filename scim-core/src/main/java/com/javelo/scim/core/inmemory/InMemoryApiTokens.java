package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.TokenUse;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Token hashes of one purpose kept in memory. */
public final class InMemoryApiTokens implements ApiTokens {

    private final InMemoryState state;
    private final Purpose purpose;

    InMemoryApiTokens(InMemoryState state, Purpose purpose) {
        this.state = state;
        this.purpose = purpose;
    }

    @Override
    public void replace(TenantId tenant, TokenHash hash, Instant now) {
        state.atomically(() -> {
            revokeAll(tenant, now);
            state.credentials.add(new InMemoryState.Credential(purpose, tenant, hash, now, false, null, null));
        });
    }

    @Override
    public void revokeAll(TenantId tenant, Instant now) {
        state.atomically(() -> {
            state.credentials.replaceAll(
                    credential -> isCurrent(credential, tenant) ? credential.asRevoked() : credential);
        });
    }

    @Override
    public Optional<TenantId> findTenant(TokenHash hash) {
        return state.atomically(() -> state.credentials.stream()
                .filter(credential -> credential.purpose() == purpose
                        && !credential.revoked()
                        && credential.hash().sameAs(hash))
                .map(InMemoryState.Credential::tenant)
                .findFirst());
    }

    @Override
    public Optional<TokenUse> current(TenantId tenant) {
        return state.atomically(() -> state.credentials.stream()
                .filter(credential -> isCurrent(credential, tenant))
                .map(credential ->
                        new TokenUse(credential.issuedAt(), credential.lastUsedAt(), credential.lastClient()))
                .findFirst());
    }

    @Override
    public void recordUse(TenantId tenant, Instant usedAt, String client) {
        state.atomically(() -> {
            state.credentials.replaceAll(
                    credential -> isCurrent(credential, tenant) ? credential.usedAt(usedAt, client) : credential);
        });
    }

    private boolean isCurrent(InMemoryState.Credential credential, TenantId tenant) {
        return credential.purpose() == purpose && credential.tenant().equals(tenant) && !credential.revoked();
    }
}
