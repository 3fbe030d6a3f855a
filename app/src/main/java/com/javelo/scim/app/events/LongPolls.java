package com.javelo.scim.app.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The long polls of the event feed, suspended without holding an HTTP worker: a poll waits here
 * until the sequencer positions events ({@link #positioned()}) or its wait ends, and is answered
 * then from a small pool of reader threads (each read takes a database connection for a moment).
 * HTTP workers are sized for the database pool; a poll that held one for its whole wait would let
 * a few consumers stall every company's provisioning.
 *
 * <p>Bounded: at most {@link #PER_CONSUMER} waiting polls per consumer and {@link #TOTAL} in all.
 * Beyond that a poll is answered at once with what is pending, usually nothing — RFC 8936 lets the
 * transmitter answer a long poll at any time — and counted ({@code scim_events_long_polls_declined_total}).
 * {@link #close()} answers every waiting poll at once, so that shutdown does not wait for them.
 */
public final class LongPolls implements AutoCloseable {

    static final int PER_CONSUMER = 2;
    static final int TOTAL = 1000;
    /** How long a woken poll lets further commits gather before it reads. */
    static final Duration GATHER = Duration.ofMillis(100);

    /** A suspended poll: {@code pending} reads what to answer (empty when nothing is pending yet). */
    private record Waiter(
            String consumerId,
            AsyncResponse response,
            Supplier<Optional<Response>> pending,
            Supplier<Response> nothing,
            AtomicBoolean readQueued,
            AtomicReference<ScheduledFuture<?>> timeout) {}

    private final Duration maxWait;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemon("scim-long-poll-timer"));
    private final ExecutorService readers;
    /** Guarded by {@code this}, with {@link #perConsumer} and {@link #closed}. */
    private final Set<Waiter> waiting = new LinkedHashSet<>();

    private final Map<String, Integer> perConsumer = new HashMap<>();
    private boolean closed;
    private final Counter declined;

    LongPolls(Duration maxWait, int readerThreads, MeterRegistry metrics) {
        this.maxWait = maxWait;
        this.readers = Executors.newFixedThreadPool(readerThreads, daemon("scim-long-poll-reader"));
        this.declined = Counter.builder("scim.events.long.polls.declined")
                .description("long polls answered at once because too many were already waiting")
                .register(metrics);
        Gauge.builder("scim.events.long.polls.waiting", this, LongPolls::waitingCount)
                .description("long polls of the event feed waiting for events")
                .register(metrics);
    }

    /**
     * Suspends a poll: {@code pending} is read at once (on a reader thread), again whenever events
     * are positioned, and a last time when the wait ends, when {@code nothing} answers if still empty.
     *
     * @return false when too many polls wait (or on shutdown): the caller answers at once
     */
    boolean suspend(
            String consumerId,
            AsyncResponse response,
            Supplier<Optional<Response>> pending,
            Supplier<Response> nothing) {
        Waiter waiter =
                new Waiter(consumerId, response, pending, nothing, new AtomicBoolean(), new AtomicReference<>());
        synchronized (this) {
            if (closed || waiting.size() >= TOTAL || perConsumer.getOrDefault(consumerId, 0) >= PER_CONSUMER) {
                declined.increment();
                return false;
            }
            waiting.add(waiter);
            perConsumer.merge(consumerId, 1, Integer::sum);
            // Registered before its first read: events positioned meanwhile read it again.
            waiter.timeout().set(timer.schedule(() -> read(waiter, true), maxWait.toMillis(), TimeUnit.MILLISECONDS));
        }
        read(waiter, false);
        return true;
    }

    /**
     * Events were positioned: every waiting poll reads again after {@link #GATHER} (at most one read
     * queued each), so that it answers with the events of several commits rather than one poll per
     * commit: under a steady push the consumer's cost per event falls, and it still learns of an
     * event within a fraction of a second.
     */
    void positioned() {
        List<Waiter> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(waiting);
        }
        snapshot.forEach(waiter -> read(waiter, false, GATHER));
    }

    private void read(Waiter waiter, boolean last) {
        read(waiter, last, Duration.ZERO);
    }

    private void read(Waiter waiter, boolean last, Duration after) {
        if (!last && !waiter.readQueued().compareAndSet(false, true)) {
            return;
        }
        if (!after.isZero()) {
            try {
                timer.schedule(
                        () -> {
                            waiter.readQueued().set(false);
                            read(waiter, false);
                        },
                        after.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                waiter.readQueued().set(false);
            }
            return;
        }
        try {
            readers.execute(() -> {
                waiter.readQueued().set(false);
                if (!isWaiting(waiter)) {
                    return;
                }
                Optional<Response> answer;
                try {
                    answer = waiter.pending().get();
                } catch (RuntimeException e) {
                    // The database is away, say: the poll gets the error a request gets (a SCIM 503).
                    if (release(waiter)) {
                        waiter.response().resume(e);
                    }
                    return;
                }
                if ((answer.isPresent() || last) && release(waiter)) {
                    waiter.response().resume(answer.orElseGet(waiter.nothing()));
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: close() answers every waiting poll.
            waiter.readQueued().set(false);
        }
    }

    private synchronized boolean isWaiting(Waiter waiter) {
        return waiting.contains(waiter);
    }

    /** @return whether this call took the poll out (and so answers it): each poll is answered once */
    private synchronized boolean release(Waiter waiter) {
        if (!waiting.remove(waiter)) {
            return false;
        }
        perConsumer.computeIfPresent(waiter.consumerId(), (id, count) -> count == 1 ? null : count - 1);
        ScheduledFuture<?> timeout = waiter.timeout().get();
        if (timeout != null) {
            timeout.cancel(false);
        }
        return true;
    }

    private synchronized int waitingCount() {
        return waiting.size();
    }

    /** Answers every waiting poll at once with nothing (what is pending comes at the next poll); declines new ones. */
    @Override
    public void close() {
        List<Waiter> snapshot;
        synchronized (this) {
            closed = true;
            snapshot = new ArrayList<>(waiting);
        }
        for (Waiter waiter : snapshot) {
            if (release(waiter)) {
                waiter.response().resume(waiter.nothing().get());
            }
        }
        timer.shutdownNow();
        readers.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
