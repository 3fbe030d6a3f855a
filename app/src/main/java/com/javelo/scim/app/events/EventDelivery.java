package com.javelo.scim.app.events;

import com.javelo.scim.adapter.jooq.JooqPersistence;
import com.javelo.scim.adapter.jooq.notify.DatabaseNotifications;
import com.javelo.scim.adapter.jooq.outbox.JooqEventSequencer;
import com.javelo.scim.core.port.EventFeed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background side of the event feed: the sequencer that gives committed events their
 * positions (and wakes long polls), and the purge of events older than the retention, which
 * counts those a consumer had not acknowledged ({@code scim_events_expired_unacknowledged_total}).
 */
public final class EventDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    /** How often the sequencer looks for events committed by other instances, without notifications. */
    private static final Duration TICK = Duration.ofMillis(250);
    /** The same, while PostgreSQL's notifications tell at once: only a safety net. */
    private static final Duration SAFETY_TICK = Duration.ofSeconds(5);

    private final JooqPersistence persistence;
    private final EventFeed feed;
    private final JooqEventSequencer sequencer;
    private final DatabaseNotifications notifications;
    private final LongPolls longPolls;
    private final ScheduledExecutorService purges;
    private final Clock clock;
    private final Duration retention;
    private volatile EventSigner signer;
    private final Counter expiredUnacknowledged;
    private final Counter delivered;
    private final Counter reportedErrors;

    private EventDelivery(
            JooqPersistence persistence,
            DatabaseNotifications notifications,
            Duration retention,
            LongPollBounds longPoll,
            MeterRegistry metrics,
            Clock clock) {
        this.persistence = persistence;
        this.feed = persistence.eventFeed();
        this.notifications = notifications;
        this.sequencer = persistence.eventSequencer(TICK).listenTo(notifications, SAFETY_TICK);
        this.retention = retention;
        this.clock = clock;
        this.longPolls = new LongPolls(longPoll.maxWait(), longPoll.readerThreads(), metrics);
        sequencer.onPositioned(longPolls::positioned);
        this.purges = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scim-event-retention");
            thread.setDaemon(true);
            return thread;
        });
        this.expiredUnacknowledged = Counter.builder("scim.events.expired.unacknowledged")
                .description("events purged by retention before a registered consumer acknowledged them")
                .register(metrics);
        this.delivered = Counter.builder("scim.events.delivered")
                .description("SETs delivered to polling consumers (redeliveries included)")
                .register(metrics);
        this.reportedErrors = Counter.builder("scim.events.set.errors")
                .description("SETs a consumer reported it could not process (setErrs)")
                .register(metrics);
    }

    /**
     * Builds the delivery without touching the database (it may not be migrated yet).
     *
     * @param notifications how other instances' new positions are heard of at once; {@link #start()}
     *     starts them, {@link #close()} closes them
     */
    public static EventDelivery over(
            JooqPersistence persistence,
            DatabaseNotifications notifications,
            Duration retention,
            LongPollBounds longPoll,
            MeterRegistry metrics,
            Clock clock) {
        return new EventDelivery(persistence, notifications, retention, longPoll, metrics, clock);
    }

    /**
     * @param maxWait the longest a long poll waits for events
     * @param readerThreads the threads that read the events of woken polls (each read takes a pool connection)
     */
    public record LongPollBounds(Duration maxWait, int readerThreads) {}

    /** Once the database is migrated: loads (or makes) the signing key, starts sequencing and purging. */
    public void start() {
        signer = EventSigner.loadOrCreate(persistence.signingKeys(), clock);
        sequencer.start();
        notifications.start();
        purges.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    /** Deletes the events older than the retention; @return how many a consumer had not acknowledged. */
    public long purge() {
        try {
            long lost = feed.purgeOccurredBefore(clock.instant().minus(retention));
            if (lost > 0) {
                expiredUnacknowledged.increment(lost);
                LOG.warn(
                        "{} events reached the retention ({} days) before a consumer acknowledged them",
                        lost,
                        retention.toDays());
            }
            return lost;
        } catch (RuntimeException e) {
            LOG.warn("event retention: {}", e.getMessage());
            return 0;
        }
    }

    public EventFeed feed() {
        return feed;
    }

    public JooqEventSequencer sequencer() {
        return sequencer;
    }

    LongPolls longPolls() {
        return longPolls;
    }

    /** Answers every waiting long poll at once (shutdown starts): new ones are answered without waiting. */
    public void answerLongPolls() {
        longPolls.close();
    }

    public EventSigner signer() {
        return signer;
    }

    void delivered(int count) {
        delivered.increment(count);
    }

    void errorsReported(int count) {
        reportedErrors.increment(count);
    }

    @Override
    public void close() {
        purges.shutdownNow();
        longPolls.close();
        notifications.close();
        sequencer.close();
    }
}
