package com.javelo.scim.core.usecase;

import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.util.function.Supplier;

/**
 * Runs a read-modify-write in a unit of work. Stores always check the version they read; when the
 * client named no version (no {@code If-Match}), a concurrent writer is not its problem, so the
 * work is retried on the fresh state instead of answering 412.
 */
public final class ConflictRetry {

    private static final int ATTEMPTS = 8;

    private ConflictRetry() {}

    public static <T> T run(UnitOfWork unitOfWork, ExpectedVersion clientExpectation, Supplier<T> work) {
        return attempts(unitOfWork, clientExpectation, work, ATTEMPTS);
    }

    /**
     * Like {@link #run}, but the first attempt runs outside any unit of work: its reads lock
     * nothing, and its one write is atomic by itself and checked against the version it read, which
     * takes the database a round trip or two instead of a transaction's five. Only when a concurrent
     * writer got there first, and the client named no version, is the work retried as {@link #run}
     * does it, in units of work whose reads lock the rows, so that writers of one resource queue
     * rather than fail again. Work that writes more than once opens a unit of work itself.
     */
    public static <T> T optimisticFirst(UnitOfWork unitOfWork, ExpectedVersion clientExpectation, Supplier<T> work) {
        try {
            return work.get();
        } catch (StaleVersion conflict) {
            if (!clientExpectation.isAny()) {
                throw conflict;
            }
        }
        return attempts(unitOfWork, clientExpectation, work, ATTEMPTS - 1);
    }

    private static <T> T attempts(
            UnitOfWork unitOfWork, ExpectedVersion clientExpectation, Supplier<T> work, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unitOfWork.inTransaction(work);
            } catch (StaleVersion conflict) {
                if (!clientExpectation.isAny() || attempt >= attempts) {
                    throw conflict;
                }
            }
        }
    }
}
