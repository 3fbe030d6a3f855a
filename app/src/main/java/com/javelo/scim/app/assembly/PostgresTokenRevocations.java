package com.javelo.scim.app.assembly;

import com.javelo.scim.adapter.jooq.notify.DatabaseNotifications;
import com.javelo.scim.domain.id.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token changes pushed between instances with PostgreSQL's {@code LISTEN/NOTIFY}: the instance that
 * regenerates or revokes a token sends {@code pg_notify} with the tenant id (through the pool,
 * after the change committed), and every instance hears it on the process's one listening
 * connection ({@link DatabaseNotifications}, channel {@value #CHANNEL}), which also carries the
 * event feed's wake-ups. When that connection is lost it reconnects every second, and each time it
 * (re)connects the subscriber is told that news may have been missed, so the cache is emptied
 * rather than trusted. A lost notification therefore costs at worst one cache lifetime
 * ({@code SCIM_TOKEN_CACHE_SECONDS}), as before this push existed.
 */
public final class PostgresTokenRevocations implements TokenRevocations {

    static final String CHANNEL = "javelo_api_tokens";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTokenRevocations.class);

    private final DataSource pool;
    private final DatabaseNotifications notifications;
    private boolean subscribed;

    /** @param notifications the process's listening connection; its owner starts it after {@link #subscribe} and closes it */
    public PostgresTokenRevocations(DataSource pool, DatabaseNotifications notifications) {
        this.pool = pool;
        this.notifications = notifications;
    }

    @Override
    public void publish(TenantId tenant) {
        try (Connection connection = pool.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, tenant.value());
            notify.execute();
        } catch (SQLException e) {
            LOG.warn(
                    "could not tell other instances that a company's token changed (SQLState {}); they forget the old "
                            + "token within SCIM_TOKEN_CACHE_SECONDS",
                    e.getSQLState());
        }
    }

    @Override
    public synchronized void subscribe(Subscriber subscriber) {
        if (subscribed) {
            throw new IllegalStateException("already subscribed");
        }
        subscribed = true;
        // The payload is the tenant id; none after a (re)connection, when news may have been missed.
        notifications.subscribe(CHANNEL, (String tenant) -> {
            if (tenant == null) {
                subscriber.newsMayHaveBeenMissed();
            } else {
                subscriber.tokensChanged(new TenantId(tenant));
            }
        });
    }

    /** Nothing of its own to close: the listening connection is the notifications' owner's. */
    @Override
    public void close() {
        // see above
    }
}
