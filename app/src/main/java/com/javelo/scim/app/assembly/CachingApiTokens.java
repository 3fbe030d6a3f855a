package com.javelo.scim.app.assembly;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.TokenUse;
import com.javelo.scim.domain.id.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers for a few seconds which tenant an accepted token belongs to, so that a provisioning
 * run does not pay a database look-up on every request. Only accepted tokens are remembered (a
 * new token works at once), and replacing or revoking a tenant's token forgets that tenant here
 * immediately, and tells the other instances ({@link TokenRevocations}), which forget it too. Were
 * that news lost, another instance would accept a replaced token for at most the time to live
 * ({@code SCIM_TOKEN_CACHE_SECONDS}; 0 looks every token up).
 */
public final class CachingApiTokens implements ApiTokens, TokenRevocations.Subscriber {

    private final ApiTokens store;
    private final TokenRevocations revocations;
    private final boolean caching;
    private final Cache<TokenHash, TenantId> accepted;
    private final LongSupplier ticker;
    // When each tenant's tokens last changed: a look-up that started before must not be cached,
    // or a request racing a rotation could keep the old token alive.
    private final Map<TenantId, Long> changedAt = new ConcurrentHashMap<>();

    CachingApiTokens(ApiTokens store, Duration timeToLive, LongSupplier ticker) {
        this(store, timeToLive, ticker, TokenRevocations.NONE);
    }

    CachingApiTokens(ApiTokens store, Duration timeToLive, LongSupplier ticker, TokenRevocations revocations) {
        this.store = store;
        this.revocations = revocations;
        this.caching = !timeToLive.isZero();
        this.ticker = ticker;
        this.accepted = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(10_000)
                .ticker(ticker::getAsLong)
                .build();
    }

    /** @return {@code store} itself when {@code timeToLive} is zero */
    public static ApiTokens over(ApiTokens store, Duration timeToLive) {
        return timeToLive.isZero() ? store : new CachingApiTokens(store, timeToLive, System::nanoTime);
    }

    /**
     * @param revocations where changes are announced to other instances; subscribe the result to
     *     it to hear theirs (a zero {@code timeToLive} remembers nothing, and still announces)
     */
    public static CachingApiTokens over(ApiTokens store, Duration timeToLive, TokenRevocations revocations) {
        return new CachingApiTokens(store, timeToLive, System::nanoTime, revocations);
    }

    @Override
    public Optional<TenantId> findTenant(TokenHash hash) {
        if (!caching) {
            return store.findTenant(hash);
        }
        TenantId known = accepted.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        long started = ticker.getAsLong();
        Optional<TenantId> found = store.findTenant(hash);
        found.ifPresent(tenant -> {
            Long changed = changedAt.get(tenant);
            if (changed == null || changed - started < 0) {
                accepted.put(hash, tenant);
            }
        });
        return found;
    }

    @Override
    public void replace(TenantId tenant, TokenHash hash, Instant now) {
        store.replace(tenant, hash, now);
        forget(tenant);
        revocations.publish(tenant);
    }

    @Override
    public void revokeAll(TenantId tenant, Instant now) {
        store.revokeAll(tenant, now);
        forget(tenant);
        revocations.publish(tenant);
    }

    @Override
    public void tokensChanged(TenantId tenant) {
        forget(tenant);
    }

    @Override
    public void newsMayHaveBeenMissed() {
        accepted.invalidateAll();
    }

    @Override
    public Optional<TokenUse> current(TenantId tenant) {
        return store.current(tenant);
    }

    @Override
    public void recordUse(TenantId tenant, Instant usedAt, String client) {
        store.recordUse(tenant, usedAt, client);
    }

    private void forget(TenantId tenant) {
        changedAt.put(tenant, ticker.getAsLong());
        accepted.asMap().values().removeIf(tenant::equals);
    }
}
