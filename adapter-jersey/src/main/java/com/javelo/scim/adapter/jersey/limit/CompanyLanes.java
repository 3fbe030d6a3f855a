package com.javelo.scim.adapter.jersey.limit;

import com.javelo.scim.domain.id.TenantId;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code width} requests of one company run at once in this process; the company's other
 * requests wait their turn, in arrival order, and each one that ends lets the next in. So a burst
 * that the rate limit allows (its bucket, 100 requests by default) cannot take every worker and
 * every database connection from the other companies at once. For example:
 *
 * <pre>{@code
 * if (lanes.enter(acme, () -> later(request))) {
 *     try { run(request); } finally { Runnable next = lanes.leave(acme); if (next != null) executor.execute(next); }
 * }
 * }</pre>
 *
 * A request let in later is handed to its runner while its place is still counted: the place passes
 * from the request that ended to the next, never free in between.
 */
public final class CompanyLanes {

    private final int width;
    private final Map<TenantId, Lane> lanes = new ConcurrentHashMap<>();

    /** @param width how many requests of one company may run at once (at least one) */
    public CompanyLanes(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a company needs at least one lane, not " + width);
        }
        this.width = width;
    }

    public int width() {
        return width;
    }

    /**
     * Takes a place for one of the company's requests, or puts it in line.
     *
     * @param queued what runs the request when a place is free; {@code onQueued} has run before
     *     anyone can call it
     * @param onQueued runs, inside the company's line, when the request must wait (e.g. to suspend
     *     its response before another thread may resume it)
     * @return true when the request may run now (then call {@link #leave} when it ends); false when
     *     it waits, and {@link #leave} will return {@code queued} when its turn comes
     */
    public boolean enter(TenantId tenant, Runnable queued, Runnable onQueued) {
        Lane lane = lanes.computeIfAbsent(tenant, ignored -> new Lane());
        synchronized (lane) {
            if (lane.running < width) {
                lane.running++;
                return true;
            }
            onQueued.run();
            lane.waiting.add(queued);
            return false;
        }
    }

    /**
     * One of the company's running requests ended.
     *
     * @return the next waiting request, which now holds the place (run it, then call this again),
     *     or null when none waits
     */
    public Runnable leave(TenantId tenant) {
        Lane lane = lanes.get(tenant);
        if (lane == null) {
            throw new IllegalStateException("no request of " + tenant + " was running");
        }
        synchronized (lane) {
            if (lane.running == 0) {
                throw new IllegalStateException("no request of " + tenant + " was running");
            }
            Runnable next = lane.waiting.poll();
            if (next == null) {
                lane.running--;
            }
            return next;
        }
    }

    /** @return how many of the company's requests are waiting (for metrics and tests) */
    public int waiting(TenantId tenant) {
        Lane lane = lanes.get(tenant);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.waiting.size();
        }
    }

    private static final class Lane {
        private int running;
        private final Queue<Runnable> waiting = new ArrayDeque<>();
    }
}
