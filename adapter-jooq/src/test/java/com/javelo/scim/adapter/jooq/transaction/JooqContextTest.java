package com.javelo.scim.adapter.jooq.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JooqContextTest {

    private final CloseableDSLContext database =
            DSL.using("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JooqContext context =
            new JooqContext(database, WriteTurns.forDialect(org.jooq.SQLDialect.H2, java.time.Duration.ZERO));
    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anActionAfterCommitRunsOnceTheUnitOfWorkCommitted() {
        context.inTransaction(() -> {
            context.afterCommit(() -> ran.add("committed"));
            assertThat(ran).isEmpty();
            return null;
        });

        assertThat(ran).containsExactly("committed");
    }

    @Test
    void anActionAfterCommitNeverRunsWhenTheUnitOfWorkRollsBack() {
        assertThatThrownBy(() -> context.inTransaction(() -> {
                    context.afterCommit(() -> ran.add("rolled back"));
                    throw new IllegalStateException("refused");
                }))
                .hasMessageContaining("refused");

        context.inTransaction(() -> null);
        assertThat(ran).isEmpty();
    }

    @Test
    void anActionAfterCommitOutsideAUnitOfWorkRunsAtOnce() {
        context.afterCommit(() -> ran.add("at once"));

        assertThat(ran).containsExactly("at once");
    }
}
