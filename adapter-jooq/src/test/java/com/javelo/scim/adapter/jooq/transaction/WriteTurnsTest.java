package com.javelo.scim.adapter.jooq.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.core.protocol.error.ScimException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On H2 a write transaction never overlaps another (see {@link WriteTurns.OneAtATime} for the
 * H2 fault this avoids); reads never wait for a writer; on PostgreSQL writers do not take turns.
 */
class WriteTurnsTest {

    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> happened = new CopyOnWriteArrayList<>();
    private CompletableFuture<Void> open;

    @AfterEach
    void releaseTheOpenTransaction() throws Exception {
        release.countDown();
        if (open != null) {
            open.get(10, TimeUnit.SECONDS);
        }
    }

    /** A connection each time it is asked for one, as a pool gives them. */
    private JooqContext h2(Duration longestWait) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=10");
        database.setUser("sa");
        return new JooqContext(DSL.using(database, SQLDialect.H2), WriteTurns.forDialect(SQLDialect.H2, longestWait));
    }

    /** Opens a write transaction on another thread and keeps it open until the test ends. */
    private void openAWriteTransaction(JooqContext context) throws InterruptedException {
        open = CompletableFuture.runAsync(() -> context.inTransaction(() -> {
            opened.countDown();
            await(release);
            happened.add("first committed");
            return null;
        }));
        assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void onH2ASecondWriteTransactionStartsOnlyOnceTheOpenOneHasEnded() throws Exception {
        JooqContext context = h2(Duration.ZERO);

        runsOnlyOnceTheOpenTransactionHasEnded(
                context,
                () -> context.inTransaction(() -> {
                    happened.add("second started");
                    return null;
                }));

        assertThat(happened).containsExactly("first committed", "second started");
    }

    @Test
    void onH2AWriteStatementOutsideATransactionTakesItsTurnToo() throws Exception {
        JooqContext context = h2(Duration.ZERO);

        runsOnlyOnceTheOpenTransactionHasEnded(
                context,
                () -> context.statement(dsl -> {
                    happened.add("statement ran");
                    return null;
                }));

        assertThat(happened).containsExactly("first committed", "statement ran");
    }

    private void runsOnlyOnceTheOpenTransactionHasEnded(JooqContext context, Runnable write) throws Exception {
        openAWriteTransaction(context);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(write);
        Thread.sleep(200);
        assertThat(happened).isEmpty();

        release.countDown();
        writing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void onH2AWriterWhoseTurnDoesNotComeInTimeIsToldToRetry() throws Exception {
        JooqContext context = h2(Duration.ofMillis(100));
        openAWriteTransaction(context);

        assertThatThrownBy(() -> context.inTransaction(() -> null))
                .isInstanceOfSatisfying(ScimException.class, refused -> {
                    assertThat(refused.error().status()).isEqualTo(503);
                    assertThat(refused.error().detail()).contains("busy with other writes", "retry");
                });
    }

    @Test
    void onH2AReadDoesNotWaitForAnOpenWriteTransaction() throws Exception {
        JooqContext context = h2(Duration.ZERO);
        openAWriteTransaction(context);

        Integer one = context.read(dsl -> dsl.selectOne().fetchOne(0, Integer.class));

        assertThat(one).isEqualTo(1);
    }

    @Test
    void aTransactionWithinATransactionJoinsItWithoutWaitingForItself() {
        JooqContext context = h2(Duration.ofMillis(100));

        String joined = context.inTransaction(() -> context.inTransaction(() -> context.statement(dsl -> "joined")));

        assertThat(joined).isEqualTo("joined");
    }

    @Test
    void onPostgresWritersDoNotTakeTurns() {
        assertThat(WriteTurns.forDialect(SQLDialect.POSTGRES, Duration.ZERO)).isInstanceOf(WriteTurns.Concurrent.class);
        assertThat(WriteTurns.forDialect(SQLDialect.H2, Duration.ZERO)).isInstanceOf(WriteTurns.OneAtATime.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
