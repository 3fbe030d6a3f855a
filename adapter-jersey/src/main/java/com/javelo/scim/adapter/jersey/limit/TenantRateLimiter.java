package com.javelo.scim.adapter.jersey.limit;

import com.javelo.scim.domain.id.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per company, in this process: each company may make {@code burst} requests at
 * once, then {@code ratePerSecond} a second. So one company's full push cannot take every worker
 * from the others. The buckets live in memory (companies are few); each instance of the service
 * counts its own requests, so behind a balancer of n instances a company gets up to n times the rate.
 */
public final class TenantRateLimiter {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<TenantId, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param ratePerSecond tokens added per second (greater than zero)
     * @param burst the bucket's size: requests allowed at once (at least one)
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public TenantRateLimiter(int ratePerSecond, int burst, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate " + ratePerSecond + "/s and burst " + burst + " must be positive");
        }
        this.ratePerNano = (double) ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    public int ratePerSecond() {
        return (int) Math.round(ratePerNano * NANOS_PER_SECOND);
    }

    /**
     * Takes one token from the company's bucket.
     *
     * @return zero when the request may go on, else how many nanoseconds until a token is there
     */
    public long acquire(TenantId tenant) {
        long now = nanoClock.getAsLong();
        return buckets.computeIfAbsent(tenant, ignored -> new Bucket(burst, now))
                .take(now);
    }

    /** Seconds to announce in {@code Retry-After} for a wait: whole seconds, rounded up, at least one. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed * ratePerNano);
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / ratePerNano);
        }
    }
}
