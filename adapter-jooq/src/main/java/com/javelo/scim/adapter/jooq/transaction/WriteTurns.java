package com.javelo.scim.adapter.jooq.transaction;

import com.javelo.scim.core.protocol.error.ScimErrors;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.SQLDialect;

/**
 * Whether write transactions take turns in this process: the one thing about transactions that
 * differs between the databases, chosen once per database ({@link #forDialect}).
 */
public sealed interface WriteTurns {

    /**
     * @param wait how long a writer may wait for its turn before the request is answered "storage
     *     unavailable" (zero: as long as it takes)
     */
    static WriteTurns forDialect(SQLDialect dialect, Duration wait) {
        return dialect.family() == SQLDialect.H2 ? new OneAtATime(new ReentrantLock(true), wait) : new Concurrent();
    }

    /** @return the caller's turn, to close when its transaction (or write statement) has ended */
    Turn take();

    /** A writer's turn; closing it lets the next one write. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** PostgreSQL: a transaction that rolls back leaves every other transaction's rows as they were. */
    record Concurrent() implements WriteTurns {
        private static final Turn NONE = () -> {};

        @Override
        public Turn take() {
            return NONE;
        }
    }

    /**
     * H2: one write transaction at a time. H2's MVStore (2.3.232, and 2.4.240 alike)
     * can restore a stale row when a transaction that locked the row while another was writing it
     * rolls back: the other's committed change is lost. Sixteen writers of one row, a third of
     * them locking it with {@code FOR UPDATE} and then giving up, lost a committed change in 17 to
     * 26 rounds in 3,000, and in none when they took turns or when no transaction rolled back
     * ({@code benchmarks/H2LostUpdate.java}; docs/architecture.md, "Durability on H2, and the order
     * of a stop"). The service's own writes roll back all the time: a version that moved, an
     * {@code If-Match} that no longer holds, a taken userName, a member deleted meanwhile. H2 is
     * embedded, so this process is the only one writing the file: when its writers take turns, no
     * transaction ever holds a lock another one waited for. Reads take no turn.
     */
    record OneAtATime(ReentrantLock lock, Duration longestWait) implements WriteTurns {

        @Override
        public Turn take() {
            try {
                boolean taken;
                if (longestWait.isZero()) {
                    lock.lockInterruptibly();
                    taken = true;
                } else {
                    taken = lock.tryLock(longestWait.toMillis(), TimeUnit.MILLISECONDS);
                }
                if (!taken) {
                    throw ScimErrors.storageUnavailable(
                            "the provisioning database is busy with other writes; retry in a few seconds", null);
                }
                return lock::unlock;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ScimErrors.storageUnavailable(
                        "the provisioning database write was interrupted; retry in a few seconds", e);
            }
        }
    }
}
