package com.javelo.scim.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.resource.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    /** Records, for each attempt, whether it ran inside a unit of work. */
    private final List<Boolean> attempts = new ArrayList<>();

    private boolean inUnitOfWork;
    private final UnitOfWork unitOfWork = new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            inUnitOfWork = true;
            try {
                return work.get();
            } finally {
                inUnitOfWork = false;
            }
        }
    };

    /** Work that meets a concurrent writer {@code conflicts} times, then succeeds. */
    private Supplier<String> conflicting(int conflicts) {
        return () -> {
            attempts.add(inUnitOfWork);
            if (attempts.size() <= conflicts) {
                throw new StaleVersion("u-1", 1, 2);
            }
            return "done";
        };
    }

    @Test
    void optimisticWorkRunsOnceOutsideAnyUnitOfWorkWhenNobodyInterferes() {
        assertThat(ConflictRetry.optimisticFirst(unitOfWork, ExpectedVersion.any(), conflicting(0)))
                .isEqualTo("done");

        assertThat(attempts).containsExactly(false);
    }

    @Test
    void afterAConflictTheWorkIsRetriedInsideUnitsOfWork() {
        assertThat(ConflictRetry.optimisticFirst(unitOfWork, ExpectedVersion.any(), conflicting(2)))
                .isEqualTo("done");

        assertThat(attempts).containsExactly(false, true, true);
    }

    @Test
    void aConflictWithTheClientsOwnVersionIsNeverRetried() {
        ExpectedVersion ifMatch = ExpectedVersion.of(new Version(1));

        assertThatThrownBy(() -> ConflictRetry.optimisticFirst(unitOfWork, ifMatch, conflicting(1)))
                .isInstanceOf(StaleVersion.class);
        assertThat(attempts).containsExactly(false);
    }

    @Test
    void retriesStopAfterEightAttemptsInAll() {
        assertThatThrownBy(() -> ConflictRetry.optimisticFirst(unitOfWork, ExpectedVersion.any(), conflicting(100)))
                .isInstanceOf(StaleVersion.class);
        assertThat(attempts).hasSize(8);
    }
}
