package com.javelo.scim.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.core.inmemory.InMemoryAdapters;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.domain.id.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingApiTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final TenantId acme = new TenantId("acme");
    private final TokenHash first = TokenHash.of("first-token");
    private final TokenHash second = TokenHash.of("second-token");
    private final AtomicLong clock = new AtomicLong();
    private final ApiTokens stored = new InMemoryAdapters().apiTokens();
    private final CountedApiTokens counting = new CountedApiTokens(stored);
    private final AtomicInteger lookUps = counting.lookUps();

    private final CachingApiTokens tokens = new CachingApiTokens(counting, Duration.ofSeconds(5), clock::get);

    @Test
    void anAcceptedTokenIsLookedUpOnceWithinTheTimeToLive() {
        tokens.replace(acme, first, NOW);
        clock.addAndGet(1);

        assertThat(tokens.findTenant(first)).contains(acme);
        assertThat(tokens.findTenant(first)).contains(acme);
        assertThat(lookUps).hasValue(1);

        clock.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(tokens.findTenant(first)).contains(acme);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void anUnknownTokenIsNeverRememberedSoANewTokenWorksAtOnce() {
        assertThat(tokens.findTenant(first)).isEmpty();
        tokens.replace(acme, first, NOW);

        assertThat(tokens.findTenant(first)).contains(acme);
    }

    @Test
    void regeneratingOrRevokingForgetsTheOldTokenAtOnce() {
        tokens.replace(acme, first, NOW);
        clock.addAndGet(1);
        assertThat(tokens.findTenant(first)).contains(acme);

        tokens.replace(acme, second, NOW);
        assertThat(tokens.findTenant(first)).isEmpty();
        clock.addAndGet(1);
        assertThat(tokens.findTenant(second)).contains(acme);

        tokens.revokeAll(acme, NOW);
        assertThat(tokens.findTenant(second)).isEmpty();
    }

    @Test
    void aLookUpRacingARegenerationDoesNotKeepTheOldTokenAlive() {
        tokens.replace(acme, first, NOW);
        clock.addAndGet(1);
        // The look-up reads the old token as valid, then the rotation commits before it returns.
        counting.duringNextLookUp(() -> tokens.replace(acme, second, NOW));

        assertThat(tokens.findTenant(first)).contains(acme);
        assertThat(tokens.findTenant(first)).isEmpty();
    }

    @Test
    void aZeroTimeToLiveLooksEveryTokenUp() {
        ApiTokens uncached = CachingApiTokens.over(counting, Duration.ZERO);

        assertThat(uncached).isSameAs(counting);
    }

    @Test
    void aChangeIsAnnouncedAndAnotherInstancesChangeForgetsTheTenant() {
        java.util.List<TenantId> announced = new java.util.ArrayList<>();
        TokenRevocations recording = new TokenRevocations() {
            @Override
            public void publish(TenantId tenant) {
                announced.add(tenant);
            }

            @Override
            public void subscribe(Subscriber subscriber) {
                // the test calls the subscriber itself
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        CachingApiTokens announcing = new CachingApiTokens(counting, Duration.ofSeconds(5), clock::get, recording);
        announcing.replace(acme, first, NOW);
        announcing.revokeAll(acme, NOW);
        assertThat(announced).containsExactly(acme, acme);

        // Another instance regenerates: this one still remembers the old token until told.
        announcing.replace(acme, first, NOW);
        clock.addAndGet(1);
        assertThat(announcing.findTenant(first)).contains(acme);
        stored.replace(acme, second, NOW);
        assertThat(announcing.findTenant(first)).as("remembered").contains(acme);
        announcing.tokensChanged(acme);
        assertThat(announcing.findTenant(first)).isEmpty();

        // News may have been missed: everything remembered is forgotten.
        clock.addAndGet(1);
        assertThat(announcing.findTenant(second)).contains(acme);
        stored.revokeAll(acme, NOW);
        announcing.newsMayHaveBeenMissed();
        assertThat(announcing.findTenant(second)).isEmpty();
    }
}
