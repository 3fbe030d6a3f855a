package com.javelo.scim.app.assembly;

import com.javelo.scim.domain.id.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token changes pushed between instances with PostgreSQL's {@code LISTEN/NOTIFY}: the instance that
 * regenerates or revokes a token sends {@code pg_notify} with the tenant id (through the pool,
 * after the change committed), and every instance listens on a connection of its own, outside the
 * pool, on one thread. When that connection is lost the thread reconnects every second, and each
 * time it (re)connects it tells the subscriber that news may have been missed, so the cache is
 * emptied rather than trusted. A lost notification therefore costs at worst one cache lifetime
 * ({@code SCIM_TOKEN_CACHE_SECONDS}), as before this push existed.
 */
public final class PostgresTokenRevocations implements TokenRevocations {

    static final String CHANNEL = "javelo_api_tokens";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTokenRevocations.class);
    private static final int WAIT_MILLIS = 250;
    /** A listening connection that receives nothing is checked this often: a stalled network sends no error. */
    private static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Opens the listening connection (not from the pool: it is held for as long as the service runs). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final DataSource pool;
    private final Connector connector;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    public PostgresTokenRevocations(DataSource pool, Connector connector) {
        this.pool = pool;
        this.connector = connector;
    }

    @Override
    public void publish(TenantId tenant) {
        try (Connection connection = pool.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, tenant.value());
            notify.execute();
        } catch (SQLException e) {
            LOG.warn("could not tell other instances that a company's token changed (SQLState {}); they forget the old "
                    + "token within SCIM_TOKEN_CACHE_SECONDS", e.getSQLState());
        }
    }

    @Override
    public synchronized void subscribe(Subscriber subscriber) {
        if (listener != null) {
            throw new IllegalStateException("already subscribed");
        }
        running = true;
        listener = new Thread(() -> listen(subscriber), "scim-token-revocations");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen(Subscriber subscriber) {
        boolean warned = false;
        while (running) {
            try (Connection connection = connector.connect(); Statement statement = connection.createStatement()) {
                listening = connection;
                statement.execute("listen " + CHANNEL);
                subscriber.newsMayHaveBeenMissed();
                if (warned) {
                    LOG.info("listening to token changes of other instances again");
                    warned = false;
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long probed = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            subscriber.tokensChanged(new TenantId(notification.getParameter()));
                        }
                    }
                    if (System.nanoTime() - probed > PROBE_NANOS) {
                        statement.execute("select 1");
                        probed = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warn("lost the connection that listens to other instances' token changes ({}); reconnecting "
                            + "every second, meanwhile tokens are forgotten after SCIM_TOKEN_CACHE_SECONDS",
                            e instanceof SQLException sql ? "SQLState " + sql.getSQLState() : e.getClass().getSimpleName());
                    warned = true;
                }
                pause();
            } finally {
                listening = null;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (listener == null) {
            return;
        }
        listener.interrupt();
        try {
            listener.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection stillOpen = listening;
        if (stillOpen != null) {
            try {
                stillOpen.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
