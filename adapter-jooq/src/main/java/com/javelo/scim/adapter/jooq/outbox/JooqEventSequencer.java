package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;
import static com.javelo.scim.adapter.jooq.generated.Tables.EVENT_SEQUENCER;

import com.javelo.scim.adapter.jooq.notify.DatabaseNotifications;
import com.javelo.scim.adapter.jooq.sql.Param;
import com.javelo.scim.adapter.jooq.sql.PreRendered;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.impl.DSL;

/**
 * Gives the committed events their positions, in commit order, and tells waiting readers.
 *
 * <p>Why it is loss-free on any database: events are inserted without a position. One
 * {@link #sequence()} at a time (across every instance: it holds the single row of
 * {@code event_sequencer} with {@code SELECT … FOR UPDATE}) reads the events that have become
 * visible — committed — and still have no position, and gives them the next positions in id order,
 * committing them together. An event whose transaction commits late is simply not visible yet; it
 * gets a later position at a later run. So when a reader sees position {@code p}, every position
 * below {@code p} is already committed and visible, and a reader that remembers its last position
 * never skips one. On H2, whose writers take turns, events are positioned where they are written
 * instead, and a run only reads the newest position ({@link EventPositions}); on PostgreSQL a run's
 * look-up starts at the oldest writer the previous complete run could not rule out
 * ({@code event_sequencer.settled_xid}).
 *
 * <p>{@link #start()} runs it in the background: woken by each local commit that wrote events
 * ({@link JooqContext#onEventsCommitted}), and every {@code tick} for other instances' commits. Each
 * run also notices positions given by other instances' sequencers, so that the readers waiting in
 * this process ({@link #awaitPositioned}, {@link #onPositioned}) learn of every new event within a
 * tick. On PostgreSQL a run that gives positions also announces them ({@link #CHANNEL}) and, once
 * {@link #listenTo} its notifications, every instance runs as soon as one commits positions: the
 * tick is then only a slower safety net.
 */
public final class JooqEventSequencer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JooqEventSequencer.class.getName());
    /** Events positioned per statement batch; a run loops until none is left. */
    private static final int BATCH = 500;
    /**
     * The least time between the starts of two background runs: under a steady push every commit
     * wakes the sequencer, and a run per commit would cost a transaction per event; runs 5 ms
     * apart position the events of every commit in between at once.
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** The notification channel on which a run that gave positions tells the other instances. */
    public static final String CHANNEL = "scim_event_positions";

    private static final Param<Long> POSITION = Param.of("position", EVENTS.POSITION);
    private static final Param<Long> EVENT = Param.of("event", EVENTS.ID);
    /** Gives one event its position: a run's events are positioned by one JDBC batch of these. */
    private static final PreRendered POSITION_ONE = PreRendered.of(
            DSL.update(EVENTS).set(EVENTS.POSITION, POSITION.field()).where(EVENTS.ID.eq(EVENT.field())),
            POSITION,
            EVENT);

    private final JooqContext context;
    private final EventPositions positions;
    private final Duration tick;
    /**
     * Sent with this sequencer's announcements, so that it does not wake itself for positions it
     * just gave (its own waiters are told directly): one empty run saved per run.
     */
    private final String origin = UUID.randomUUID().toString();

    private final List<Runnable> positionedReactions = new CopyOnWriteArrayList<>();
    private volatile DatabaseNotifications notifications = DatabaseNotifications.none();
    private volatile Duration listeningTick;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean wakeUp;
    private long generation;
    /** The newest position this process knows of, whoever gave it. */
    private long newestSeen = -1;

    private volatile boolean running;
    private boolean failing;
    private Thread thread;

    public JooqEventSequencer(JooqContext context, EventPositions positions, Duration tick) {
        this.context = context;
        this.positions = positions;
        this.tick = tick;
    }

    /**
     * Positions every committed event still without one.
     *
     * @return how many events were positioned
     */
    public int sequence() {
        OptionalLong newestWhenNoneWaits = context.read(positions::newestWhenNoneWaits);
        if (newestWhenNoneWaits.isPresent()) {
            signalIfNewer(newestWhenNoneWaits.getAsLong());
            return 0;
        }
        int total = 0;
        long[] newest = {-1};
        int positioned;
        do {
            positioned = context.transaction(dsl -> {
                var sequencer = dsl.select(EVENT_SEQUENCER.LAST_POSITION, EVENT_SEQUENCER.SETTLED_XID)
                        .from(EVENT_SEQUENCER)
                        .where(EVENT_SEQUENCER.ID.eq(1))
                        .forUpdate()
                        .fetchSingle();
                long last = positions.lastGiven(dsl, sequencer.value1());
                newest[0] = last;
                EventPositions.Found found = positions.next(dsl, sequencer.value2(), BATCH);
                List<Long> ids = found.ids();
                // When the look-up found everything it saw, the next one may start later.
                long settled = ids.size() < BATCH ? found.settled() : sequencer.value2();
                if (ids.isEmpty()) {
                    if (settled != sequencer.value2()) {
                        dsl.update(EVENT_SEQUENCER)
                                .set(EVENT_SEQUENCER.SETTLED_XID, settled)
                                .where(EVENT_SEQUENCER.ID.eq(1))
                                .execute();
                    }
                    return 0;
                }
                List<PreRendered.Call> calls = new ArrayList<>();
                long position = last;
                for (Long id : ids) {
                    calls.add(POSITION_ONE.with(POSITION, ++position).with(EVENT, id));
                }
                POSITION_ONE.executeBatch(dsl, calls);
                dsl.update(EVENT_SEQUENCER)
                        .set(EVENT_SEQUENCER.LAST_POSITION, position)
                        .set(EVENT_SEQUENCER.SETTLED_XID, settled)
                        .where(EVENT_SEQUENCER.ID.eq(1))
                        .execute();
                DatabaseNotifications.announce(dsl, CHANNEL, origin);
                newest[0] = position;
                return ids.size();
            });
            total += positioned;
        } while (positioned == BATCH);
        // Another instance's sequencer may have positioned events since this one last looked: the
        // long polls waiting here are woken by any new position, not only by this process's.
        signalIfNewer(newest[0]);
        return total;
    }

    /**
     * Runs a background run as soon as another instance announces positions (subscribe before
     * {@code notifications} start); while they are listening, the tick is {@code listeningTick}.
     */
    public JooqEventSequencer listenTo(DatabaseNotifications notifications, Duration listeningTick) {
        notifications.subscribe(CHANNEL, (String payload) -> {
            if (!origin.equals(payload)) {
                wake();
            }
        });
        this.listeningTick = listeningTick;
        this.notifications = notifications;
        return this;
    }

    /**
     * Runs {@code reaction} (quickly: on the thread that noticed) each time events are positioned,
     * here or by another instance.
     */
    public void onPositioned(Runnable reaction) {
        positionedReactions.add(reaction);
    }

    /** Runs {@link #sequence()} in a background thread until {@link #close()}. */
    public synchronized JooqEventSequencer start() {
        if (thread != null) {
            return this;
        }
        running = true;
        context.onEventsCommitted(this::wake);
        thread = new Thread(this::loop, "scim-event-sequencer");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Asks the background run to look now (a commit wrote events). */
    public void wake() {
        lock.lock();
        try {
            wakeUp = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return a number that changes each time events are positioned (pass it to {@link #awaitPositioned}) */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until events are positioned after {@code seen} was read from {@link #generation()}, or
     * {@code timeout} passes.
     *
     * @return whether events were positioned
     */
    public boolean awaitPositioned(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void signalIfNewer(long newest) {
        boolean newer;
        lock.lock();
        try {
            newer = newest > newestSeen;
            if (newer) {
                newestSeen = newest;
                generation++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (newer) {
            positionedReactions.forEach(Runnable::run);
        }
    }

    /** The wait between runs: shorter when no notification would say that another instance wrote. */
    private Duration currentTick() {
        Duration slower = listeningTick;
        return slower != null && notifications.isListening() ? slower : tick;
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            try {
                sequence();
                if (failing) {
                    failing = false;
                    LOG.log(System.Logger.Level.INFO, "event sequencer: the database answers again");
                }
            } catch (RuntimeException e) {
                // The database may be away for a while: the next tick tries again, and one line
                // says so rather than four a second.
                if (!failing) {
                    failing = true;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "event sequencer: {0}; retrying every {1} ms",
                            e.getMessage(),
                            tick.toMillis());
                }
            }
            lock.lock();
            try {
                if (!wakeUp && running) {
                    changed.await(currentTick().toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUp = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            long gathering = GATHER_NANOS - (System.nanoTime() - started);
            if (gathering > 0 && running) {
                LockSupport.parkNanos(gathering);
            }
        }
    }

    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            running = false;
            started = thread;
            thread = null;
        }
        if (started != null) {
            context.onEventsCommitted(() -> {});
            wake();
            started.interrupt();
            try {
                started.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
