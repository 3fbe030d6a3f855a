package com.javelo.scim.app.activity;

import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.core.port.ActivityLog;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.ReadCount;
import com.javelo.scim.domain.id.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes what the activity filter saw of each SCIM request and stores it off the request path: a
 * request only offers an entry to a bounded queue, adds one to a per-minute read counter or notes
 * its token's use in a map, none of which waits. One background thread drains the queue in
 * batches, writes the read counts of minutes that have ended, writes each tenant's token use at
 * most once a minute, and purges old entries. When the queue is full an entry is dropped and
 * counted ({@code scim.activity.dropped}, and per company in its status): the log never delays or
 * fails a request.
 */
public final class ActivityRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    static final int QUEUE_CAPACITY = 10_000;
    static final int BATCH_SIZE = 500;
    /** A tenant's token use is written at most this often. */
    static final Duration USE_WRITE_INTERVAL = Duration.ofMinutes(1);

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    /** What a request tells of its token's use. */
    public record TokenUseSeen(Instant at, String client) {}

    private record Minute(TenantId tenant, Instant start) {}

    private record Written(TokenUseSeen use, Instant writtenAt) {}

    private final ActivityLog log;
    private final ApiTokens scimTokens;
    private final Clock clock;
    private final boolean enabled;
    private final Duration retention;
    private final int maxEntriesPerCompany;
    private final BlockingQueue<ActivityEntry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<Minute, LongAdder> reads = new ConcurrentHashMap<>();
    private final Map<TenantId, TokenUseSeen> lastUse = new ConcurrentHashMap<>();
    private final Map<TenantId, Written> written = new ConcurrentHashMap<>();
    private final Map<TenantId, LongAdder> droppedPerTenant = new ConcurrentHashMap<>();
    private final Counter dropped;
    private ScheduledExecutorService writer;
    private Instant lastPurge = Instant.EPOCH;

    /**
     * @param enabled false records only tokens' last use (SCIM_ACTIVITY_LOG=off)
     */
    public ActivityRecorder(
            ActivityLog log,
            ApiTokens scimTokens,
            MeterRegistry metrics,
            Clock clock,
            boolean enabled,
            Duration retention,
            int maxEntriesPerCompany) {
        this.log = log;
        this.scimTokens = scimTokens;
        this.clock = clock;
        this.enabled = enabled;
        this.retention = retention;
        this.maxEntriesPerCompany = maxEntriesPerCompany;
        this.dropped = Counter.builder("scim.activity.dropped")
                .description("Activity log entries dropped because the write queue was full")
                .register(metrics);
    }

    /** Starts the background writer: every second, and a purge every hour. */
    public ActivityRecorder start() {
        writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scim-activity");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Queues a write or a failed request; never waits. */
    public void record(ActivityEntry entry) {
        if (enabled && !queue.offer(entry)) {
            dropped.increment();
            droppedPerTenant
                    .computeIfAbsent(entry.tenant(), ignored -> new LongAdder())
                    .increment();
        }
    }

    /** Counts a successful read in its minute. */
    public void countRead(TenantId tenant, Instant at) {
        if (enabled) {
            reads.computeIfAbsent(new Minute(tenant, at.truncatedTo(ChronoUnit.MINUTES)), ignored -> new LongAdder())
                    .increment();
        }
    }

    /** Notes that the tenant's SCIM token was just used by this client. */
    public void tokenUsed(TenantId tenant, Instant at, String client) {
        lastUse.put(tenant, new TokenUseSeen(at, client));
    }

    /** @return the newest use this instance saw, possibly not written yet */
    public Optional<TokenUseSeen> lastUseSeen(TenantId tenant) {
        return Optional.ofNullable(lastUse.get(tenant));
    }

    /** @return the tenant's successful reads this instance counted and has not written yet */
    public long unwrittenReads(TenantId tenant) {
        return reads.entrySet().stream()
                .filter(count -> count.getKey().tenant().equals(tenant))
                .mapToLong(count -> count.getValue().sum())
                .sum();
    }

    /** @return how many of the tenant's entries this instance dropped since it started */
    public long droppedEntries(TenantId tenant) {
        LongAdder count = droppedPerTenant.get(tenant);
        return count == null ? 0 : count.sum();
    }

    private void flushQuietly() {
        try {
            flush(false);
        } catch (RuntimeException e) {
            // The database may be away: what was taken is lost (and counted), provisioning is not.
            LOG.warn("activity log write failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Writes what is pending; {@code everything} also writes the current minute's reads and every use. */
    void flush(boolean everything) {
        Instant now = clock.instant();
        List<ActivityEntry> batch = new ArrayList<>(BATCH_SIZE);
        while (queue.drainTo(batch, BATCH_SIZE) > 0) {
            try {
                log.append(batch);
            } catch (RuntimeException e) {
                dropped.increment(batch.size());
                batch.forEach(entry -> droppedPerTenant
                        .computeIfAbsent(entry.tenant(), ignored -> new LongAdder())
                        .increment());
                throw e;
            }
            batch.clear();
        }
        writeReads(now, everything);
        writeUses(now, everything);
        if (enabled && Duration.between(lastPurge, now).compareTo(PURGE_INTERVAL) >= 0) {
            lastPurge = now;
            long purged = log.purge(now.minus(retention), maxEntriesPerCompany);
            if (purged > 0) {
                LOG.info(
                        "activity log: purged {} entries older than {} days or beyond {} per company",
                        purged,
                        retention.toDays(),
                        maxEntriesPerCompany);
            }
        }
    }

    private void writeReads(Instant now, boolean everything) {
        Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
        List<ReadCount> counts = new ArrayList<>();
        // Only minutes that have ended, so that no request adds to a counter being taken away.
        for (Minute minute : List.copyOf(reads.keySet())) {
            if (everything || minute.start().isBefore(currentMinute)) {
                LongAdder count = reads.remove(minute);
                if (count != null && count.sum() > 0) {
                    counts.add(new ReadCount(minute.tenant(), minute.start(), count.sum()));
                }
            }
        }
        log.countReads(counts);
    }

    private void writeUses(Instant now, boolean everything) {
        lastUse.forEach((tenant, use) -> {
            Written previous = written.get(tenant);
            boolean changed = previous == null || !previous.use().equals(use);
            boolean due = previous == null
                    || everything
                    || Duration.between(previous.writtenAt(), now).compareTo(USE_WRITE_INTERVAL) >= 0;
            if (changed && due) {
                scimTokens.recordUse(tenant, use.at(), use.client());
                written.put(tenant, new Written(use, now));
            }
        });
    }

    /** Stops the writer and writes what is left. */
    @Override
    public void close() {
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flush(true);
        } catch (RuntimeException e) {
            LOG.warn(
                    "activity log: the last entries could not be written: {}",
                    e.getClass().getSimpleName());
        }
    }
}
