package com.javelo.scim.adapter.jersey.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.domain.id.TenantId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    private final AtomicLong now = new AtomicLong(1_000);
    private final TenantRateLimiter limiter = new TenantRateLimiter(10, 20, now::get);

    @Test
    void aBurstIsAllowedAtOnceThenTheRate() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire(ACME)).as("request %d of the burst", i).isZero();
        }
        long wait = limiter.acquire(ACME);
        assertThat(wait).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(limiter.acquire(ACME)).isZero();
        assertThat(limiter.acquire(ACME)).isPositive();
    }

    @Test
    void aSecondRefillsTheRateAndNeverMoreThanTheBurst() {
        for (int i = 0; i < 20; i++) {
            limiter.acquire(ACME);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire(ACME)).isZero();
        }
        assertThat(limiter.acquire(ACME)).isPositive();

        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire(ACME)).isZero();
        }
        assertThat(limiter.acquire(ACME)).isPositive();
    }

    @Test
    void eachCompanyHasItsOwnBucket() {
        for (int i = 0; i < 20; i++) {
            limiter.acquire(ACME);
        }
        assertThat(limiter.acquire(ACME)).isPositive();
        assertThat(limiter.acquire(GLOBEX)).isZero();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(TenantRateLimiter.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(TenantRateLimiter.retryAfterSeconds(TimeUnit.MILLISECONDS.toNanos(100)))
                .isEqualTo(1);
        assertThat(TenantRateLimiter.retryAfterSeconds(TimeUnit.SECONDS.toNanos(1)))
                .isEqualTo(1);
        assertThat(TenantRateLimiter.retryAfterSeconds(TimeUnit.SECONDS.toNanos(1) + 1))
                .isEqualTo(2);
    }

    @Test
    void aSlowRateAnnouncesTheWholeWait() {
        TenantRateLimiter slow = new TenantRateLimiter(1, 1, now::get);
        assertThat(slow.acquire(ACME)).isZero();
        assertThat(TenantRateLimiter.retryAfterSeconds(slow.acquire(ACME))).isEqualTo(1);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1500));
        assertThat(slow.acquire(ACME)).isZero();
    }
}
