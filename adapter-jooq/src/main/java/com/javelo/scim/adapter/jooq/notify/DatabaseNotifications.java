package com.javelo.scim.adapter.jooq.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the other instances on the same PostgreSQL database that something changed, at once:
 * {@link #announce} sends a {@code NOTIFY} on a channel from inside a transaction (PostgreSQL
 * delivers it on commit, never on rollback), and one connection per process, outside the pool,
 * {@code LISTEN}s on every subscribed channel and runs the subscribers' reactions.
 *
 * <p>A notification carries no data the subscribers trust: it only says "look again". That keeps
 * them correct when notifications are lost — while the listening connection is away (it reconnects
 * after {@link #RETRY}), and on each (re)connection every subscriber is told once, for what it may
 * have missed; and it makes a notification from another schema of the same database harmless.
 * One connection serves every channel of the process (the event feed's wake-up, the token
 * revocation push). On H2 (a single instance) there is nothing to listen to: {@link #none()}.
 */
public final class DatabaseNotifications implements AutoCloseable {

    /** How the listening connection is opened (outside the pool: it is held for the process's life). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private static final System.Logger LOG = System.getLogger(DatabaseNotifications.class.getName());
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** How long one wait for notifications lasts: the bound on noticing {@link #close()}. */
    private static final int WAIT_MILLIS = 500;
    /** How often an idle listening connection proves it still answers (a silent loss is otherwise unseen). */
    private static final Duration PROBE = Duration.ofSeconds(10);
    /** The pause before reconnecting a lost listening connection. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final Connector connector;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    private DatabaseNotifications(Connector connector) {
        this.connector = connector;
    }

    /** Listens on PostgreSQL through connections from {@code connector}. */
    public static DatabaseNotifications listeningWith(Connector connector) {
        return new DatabaseNotifications(connector);
    }

    /** For a database without notifications (H2): subscribers are never told, and never listening. */
    public static DatabaseNotifications none() {
        return new DatabaseNotifications(null);
    }

    /**
     * Runs {@code reaction} (on the listening thread: it must be quick) each time a commit announces
     * something on {@code channel}, and once after each (re)connection. Subscribe before {@link #start()}.
     */
    public void subscribe(String channel, Runnable reaction) {
        subscribe(channel, payload -> reaction.run());
    }

    /**
     * As {@link #subscribe(String, Runnable)}, the reaction receiving the announcement's payload
     * ({@code null} after a (re)connection), e.g. to ignore the process's own announcements.
     */
    public synchronized void subscribe(String channel, Consumer<String> reaction) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("a channel is a lower-case identifier: " + channel);
        }
        if (thread != null) {
            throw new IllegalStateException("subscribe to " + channel + " before start()");
        }
        subscribers
                .computeIfAbsent(channel, ignored -> new CopyOnWriteArrayList<>())
                .add(reaction);
    }

    /**
     * Within the caller's transaction, tells every listening instance to look at {@code channel}
     * once the transaction commits. Nothing on H2.
     */
    public static void announce(DSLContext transaction, String channel) {
        announce(transaction, channel, "");
    }

    /** As {@link #announce(DSLContext, String)}, with a payload (at most a few hundred bytes). */
    public static void announce(DSLContext transaction, String channel, String payload) {
        if (transaction.dialect().family() == SQLDialect.POSTGRES) {
            transaction
                    .select(DSL.field("pg_notify({0}, {1})", String.class, DSL.val(channel), DSL.val(payload)))
                    .fetch();
        }
    }

    /** Starts listening in a background thread (nothing on H2, or without subscribers). */
    public synchronized DatabaseNotifications start() {
        if (connector == null || subscribers.isEmpty() || thread != null) {
            return this;
        }
        running = true;
        thread = new Thread(this::listen, "scim-db-notifications");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** @return whether a listening connection is up, so that announcements arrive as they commit */
    public boolean isListening() {
        return listening;
    }

    private void listen() {
        boolean failing = false;
        while (running) {
            try (Connection connection = connector.connect()) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : subscribers.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                listening = true;
                if (failing) {
                    failing = false;
                    LOG.log(System.Logger.Level.INFO, "database notifications: listening again");
                }
                // Whatever was announced while no connection listened.
                subscribers.values().forEach(reactions -> reactions.forEach(reaction -> run(reaction, null)));
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                if (!failing) {
                    failing = true;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "database notifications: {0}; other instances'' changes "
                                    + "are noticed by polling until the listening connection is back (retrying every {1} s)",
                            e.getMessage(),
                            RETRY.toSeconds());
                }
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                listening = false;
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection listener = connection.unwrap(PGConnection.class);
        long probeAt = System.nanoTime() + PROBE.toNanos();
        while (running) {
            PGNotification[] notifications = listener.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    subscribers
                            .getOrDefault(notification.getName(), List.of())
                            .forEach(reaction -> run(reaction, notification.getParameter()));
                }
            }
            if (System.nanoTime() - probeAt > 0) {
                try (Statement probe = connection.createStatement()) {
                    probe.execute("SELECT 1");
                }
                probeAt = System.nanoTime() + PROBE.toNanos();
            }
        }
    }

    private static void run(Consumer<String> reaction, String payload) {
        try {
            reaction.accept(payload);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "database notifications: a subscriber failed: {0}", e.getMessage());
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
            started.interrupt();
            try {
                started.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
