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
        for (int attempt = 1; ; attempt++) {
            try {
                return unitOfWork.inTransaction(work);
            } catch (StaleVersion conflict) {
                if (!clientExpectation.isAny() || attempt >= ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
