package com.javelo.scim.core.port;

import java.util.function.Supplier;

/**
 * Runs a use case's reads and writes as one transaction: all of them commit, or none. Needed where
 * one request touches several stores (a group PATCH that renames and changes members; a user
 * created and the pending manager references it resolves).
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the caller's unit of work has committed (at once outside one; not
     * at all if it rolls back): for what must not be seen before the change is, such as a cache
     * forgetting what the change replaced. By default at once: a store whose writes are seen as
     * they are made.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
