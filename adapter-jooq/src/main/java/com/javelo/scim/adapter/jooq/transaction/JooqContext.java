package com.javelo.scim.adapter.jooq.transaction;

import com.javelo.scim.adapter.jooq.sql.SqlErrors;
import com.javelo.scim.core.port.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The jOOQ side of the unit of work: a transaction bound to the current thread that every store
 * joins. A store call outside a unit of work runs in a transaction of its own, so each write
 * method (the change, its version and its events) is atomic by itself.
 */
public final class JooqContext implements UnitOfWork {

    private final DSLContext root;
    private final WriteTurns writeTurns;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();
    private final ThreadLocal<Boolean> eventsUncommitted = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
    private volatile Runnable eventsCommitted = () -> {};

    /** @param writeTurns whether write transactions overlap or take turns ({@link WriteTurns#forDialect}) */
    public JooqContext(DSLContext root, WriteTurns writeTurns) {
        this.root = root;
        this.writeTurns = writeTurns;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transaction(dsl -> work.get());
    }

    /** Runs {@code work} with the thread's transaction, starting one when there is none. */
    public <T> T transaction(Function<DSLContext, T> work) {
        DSLContext bound = current.get();
        if (bound != null) {
            return work.apply(bound);
        }
        try {
            T result;
            try (WriteTurns.Turn turn = writeTurns.take()) {
                result = root.transactionResult(configuration -> {
                    DSLContext transactional = DSL.using(configuration);
                    current.set(transactional);
                    try {
                        return work.apply(transactional);
                    } finally {
                        current.remove();
                    }
                });
            }
            if (Boolean.TRUE.equals(eventsUncommitted.get())) {
                eventsUncommitted.remove();
                eventsCommitted.run();
            }
            List<Runnable> committed = afterCommit.get();
            afterCommit.remove();
            if (committed != null) {
                committed.forEach(Runnable::run);
            }
            return result;
        } catch (DataAccessException e) {
            throw SqlErrors.translate(e);
        } finally {
            eventsUncommitted.remove();
            afterCommit.remove();
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        if (current.get() == null) {
            action.run();
            return;
        }
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            actions = new ArrayList<>();
            afterCommit.set(actions);
        }
        actions.add(action);
    }

    /**
     * Says that the caller wrote events: {@link #onEventsCommitted}'s action runs once they are
     * committed (at once outside a transaction, after the commit inside one), which wakes the
     * event sequencer instead of letting it find them at its next tick.
     */
    public void eventsWritten() {
        if (current.get() != null) {
            eventsUncommitted.set(Boolean.TRUE);
        } else {
            eventsCommitted.run();
        }
    }

    /** @param action run after each commit that wrote events; quick and non-blocking */
    public void onEventsCommitted(Runnable action) {
        this.eventsCommitted = action;
    }

    /**
     * Runs one statement, a read or a write, with the thread's transaction if any, else on its own
     * (a single statement is atomic by itself).
     */
    public <T> T statement(Function<DSLContext, T> work) {
        if (current.get() != null) {
            return read(work);
        }
        try (WriteTurns.Turn turn = writeTurns.take()) {
            return read(work);
        }
    }

    /** Runs a read with the thread's transaction if any, else on its own connection. */
    public <T> T read(Function<DSLContext, T> work) {
        DSLContext bound = current.get();
        if (bound != null) {
            return work.apply(bound);
        }
        try {
            return work.apply(root);
        } catch (DataAccessException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** @return whether the caller runs inside a unit of work (reads then lock the rows they load) */
    public boolean inUnitOfWork() {
        return current.get() != null;
    }
}
