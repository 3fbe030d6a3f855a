package com.javelo.scim.app.assembly;

import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.TokenUse;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token store that counts how often a token is looked up, and can run something during the next
 * look-up (a rotation racing it), for tests of what looks tokens up.
 */
public final class CountedApiTokens implements ApiTokens {

    private final ApiTokens stored;
    private final AtomicInteger lookUps = new AtomicInteger();
    private volatile Runnable duringNextLookUp = () -> {};

    public CountedApiTokens(ApiTokens stored) {
        this.stored = stored;
    }

    /** @return the look-ups so far */
    public AtomicInteger lookUps() {
        return lookUps;
    }

    /** Runs {@code action} inside the next look-up, after the store answered and before it returns. */
    public void duringNextLookUp(Runnable action) {
        duringNextLookUp = action;
    }

    @Override
    public void replace(TenantId tenant, TokenHash hash, Instant now) {
        stored.replace(tenant, hash, now);
    }

    @Override
    public void revokeAll(TenantId tenant, Instant now) {
        stored.revokeAll(tenant, now);
    }

    @Override
    public Optional<TenantId> findTenant(TokenHash hash) {
        lookUps.incrementAndGet();
        Optional<TenantId> found = stored.findTenant(hash);
        Runnable during = duringNextLookUp;
        duringNextLookUp = () -> {};
        during.run();
        return found;
    }

    @Override
    public Optional<TokenUse> current(TenantId tenant) {
        return stored.current(tenant);
    }

    @Override
    public void recordUse(TenantId tenant, Instant usedAt, String client) {
        stored.recordUse(tenant, usedAt, client);
    }
}
