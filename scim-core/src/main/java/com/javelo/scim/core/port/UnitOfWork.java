package com.javelo.scim.core.port;

import java.util.function.Supplier;

/**
 * Runs a use case's reads and writes as one transaction: all of them commit, or none. Needed where
 * one request touches several stores (a group PATCH that renames and changes members; a user
 * created and the pending manager references it resolves).
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
