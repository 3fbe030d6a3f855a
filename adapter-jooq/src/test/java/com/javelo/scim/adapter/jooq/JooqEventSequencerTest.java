package com.javelo.scim.adapter.jooq;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;
import static com.javelo.scim.adapter.jooq.generated.Tables.EVENT_SEQUENCER;
import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.adapter.jooq.notify.DatabaseNotifications;
import com.javelo.scim.adapter.jooq.outbox.JooqEventSequencer;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.protocol.event.FeedEvent;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.tenant.Tenant;
import com.javelo.scim.domain.user.User;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two service instances on one database: each one's readers learn of events the other positioned. */
class JooqEventSequencerTest {

    /** Longer than the test waits: only a notification can explain an early wake-up. */
    private static final Duration SLOW_TICK = Duration.ofSeconds(5);

    private final HikariDataSource pool = pool();
    private final TestDatabases databases = new TestDatabases();

    private static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        return new HikariDataSource(config);
    }

    @AfterEach
    void close() {
        pool.close();
        databases.close();
    }

    @Test
    void onPostgresAWaitingReaderIsWokenByTheOtherInstancesNotificationWellBeforeItsTick() throws Exception {
        List<JooqPersistence> instances = databases.postgresInstances();
        JooqPersistence writer = instances.get(0);
        JooqPersistence reader = instances.get(1);
        DatabaseNotifications notifications = DatabaseNotifications.listeningWith(
                () -> DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, ""));
        try (notifications;
                JooqEventSequencer readerSide = reader.eventSequencer(SLOW_TICK)
                        .listenTo(notifications, SLOW_TICK)
                        .start()) {
            notifications.start();
            TenantId acme = TenantId.random();
            writer.tenants().insert(new Tenant(acme, "Acme", Instant.now()));
            for (int i = 0; i < 50 && !notifications.isListening(); i++) {
                Thread.sleep(100);
            }
            assertThat(notifications.isListening()).isTrue();
            Thread.sleep(300);
            long seen = readerSide.generation();

            Change<User> created = aUser().in(acme).provision(Instant.now());
            writer.users().insert(created.after(), created.events());
            writer.eventSequencer(SLOW_TICK).sequence();
            long positionedAt = System.nanoTime();

            assertThat(readerSide.awaitPositioned(seen, Duration.ofMillis(300))).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - positionedAt))
                    .isLessThan(300);
        }
    }

    @Test
    void aWaitingReaderIsWokenByEventsAnotherInstancePositioned() throws InterruptedException {
        JooqPersistence writer = JooqPersistence.create(pool, SQLDialect.H2);
        writer.migrate();
        JooqPersistence reader = JooqPersistence.create(pool, SQLDialect.H2);
        try (JooqEventSequencer readerSide =
                reader.eventSequencer(Duration.ofMillis(500)).start()) {
            TenantId acme = TenantId.random();
            writer.tenants().insert(new Tenant(acme, "Acme", Instant.now()));
            Thread.sleep(300);
            long seen = readerSide.generation();

            Change<User> created = aUser().in(acme).provision(Instant.now());
            writer.users().insert(created.after(), created.events());
            // Usually positioned here, by the writer's side, before the reader's side looks again.
            writer.eventSequencer(Duration.ofSeconds(1)).sequence();

            assertThat(readerSide.awaitPositioned(seen, Duration.ofSeconds(5))).isTrue();
        }
    }

    /**
     * Each event's unpositioned row version stays in the index until a vacuum; the sequencer's
     * look-up must not walk the entries of the events it already positioned (migrations 8 and 10):
     * it reads the partial index of unpositioned events from the oldest transaction that was still
     * writing when it last found everything.
     */
    @Test
    void onPostgresTheSequencersLookUpStartsAtTheWritersItHasNotSettled() {
        RecordingDataSource recording = new RecordingDataSource();
        DataSource postgres = databases.postgresDataSource();
        JooqPersistence persistence = JooqPersistence.create(recording.wrap(postgres), SQLDialect.POSTGRES);
        persistence.migrate();
        TenantId acme = TenantId.random();
        persistence.tenants().insert(new Tenant(acme, "Acme", Instant.now()));
        Change<User> created = aUser().in(acme).provision(Instant.now());
        persistence.users().insert(created.after(), created.events());
        recording.take();

        assertThat(persistence.eventSequencer(SLOW_TICK).sequence())
                .isEqualTo(created.events().size());

        String lookUp = recording.take().stream()
                .filter(statement -> statement.contains("position is null"))
                .findFirst()
                .orElseThrow();
        DSLContext dsl = DSL.using(postgres, SQLDialect.POSTGRES);
        long writer = dsl.select(DSL.max(EVENTS.WRITER_XID))
                .from(EVENTS)
                .fetchSingle()
                .value1();
        // Another transaction of the machine that was running during the run holds the start back
        // until it ends: runs again until none does.
        long settled = 0;
        for (int run = 0; run < 50 && settled <= writer; run++) {
            persistence.eventSequencer(SLOW_TICK).sequence();
            settled = dsl.select(EVENT_SEQUENCER.SETTLED_XID)
                    .from(EVENT_SEQUENCER)
                    .fetchSingle()
                    .value1();
        }
        assertThat(settled)
                .as("the next look-up starts past the writer it positioned")
                .isGreaterThan(writer);
        long start = settled;
        // A table of a few rows is read whole by any plan: the question is what the index allows.
        String plan = dsl.transactionResult(transaction -> {
            transaction.dsl().execute("set local enable_seqscan = off");
            return String.join(
                    "\n",
                    transaction
                            .dsl()
                            .fetch("explain "
                                    + lookUp.replaceFirst("\\?", Long.toString(start))
                                            .replaceFirst("\\?", "500"))
                            .getValues(0, String.class));
        });
        assertThat(plan).contains("events_unpositioned").containsPattern("Index Cond: \\(writer_xid >= ");
    }

    /**
     * What the look-up's starting point must never skip: a transaction that began writing before
     * the sequencer ran, and writes its event only after runs that positioned later writers' events.
     */
    @Test
    void onPostgresAnEventWrittenLateByAnOlderTransactionIsStillPositioned() throws Exception {
        JooqPersistence persistence = databases.postgres();
        JooqEventSequencer sequencer = persistence.eventSequencer(SLOW_TICK);
        TenantId acme = TenantId.random();
        persistence.tenants().insert(new Tenant(acme, "Acme", Instant.now()));
        Change<User> late = aUser().in(acme).withUserName("late@acme.com").provision(Instant.now());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> older =
                CompletableFuture.runAsync(() -> persistence.unitOfWork().inTransaction(() -> {
                    // Its first write gives the transaction its id, before any of the runs below.
                    persistence.tenants().insert(new Tenant(TenantId.random(), "Earlier", Instant.now()));
                    writing.countDown();
                    try {
                        assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    persistence.users().insert(late.after(), late.events());
                    return null;
                }));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        List<DomainEvent> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Change<User> other =
                    aUser().in(acme).withUserName("user" + i + "@acme.com").provision(Instant.now());
            persistence.users().insert(other.after(), other.events());
            expected.addAll(other.events());
            sequencer.sequence();
        }

        release.countDown();
        older.get(10, TimeUnit.SECONDS);
        sequencer.sequence();
        expected.addAll(late.events());

        assertThat(persistence.eventFeed().readAfter(TenantScope.of(Set.of(acme)), 0, 100))
                .extracting(FeedEvent::event)
                .containsExactlyElementsOf(expected);
    }

    /**
     * Two instances' sequencers running at once while four writers write: one run at a time holds
     * the record, and each run's look-up is taken after that, so every event gets exactly one
     * position and no position is given twice or skipped.
     */
    @Test
    void onPostgresTwoInstancesSequencingAtOnceGiveEveryEventOnePositionWithoutGaps() throws Exception {
        List<JooqPersistence> instances = databases.postgresInstances();
        TenantId acme = TenantId.random();
        instances.get(0).tenants().insert(new Tenant(acme, "Acme", Instant.now()));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> sequencers = new ArrayList<>();
        for (JooqPersistence instance : instances) {
            JooqEventSequencer sequencer = instance.eventSequencer(SLOW_TICK);
            sequencers.add(CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    sequencer.sequence();
                }
            }));
        }
        AtomicInteger written = new AtomicInteger();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            JooqPersistence instance = instances.get(w % 2);
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 40; i++) {
                    Change<User> created = aUser().in(acme)
                            .withUserName("w" + writer + "-" + i + "@acme.com")
                            .provision(Instant.now());
                    instance.users().insert(created.after(), created.events());
                    written.addAndGet(created.events().size());
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        writing.set(false);
        CompletableFuture.allOf(sequencers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        instances.get(1).eventSequencer(SLOW_TICK).sequence();

        assertThat(instances.get(0).eventFeed().readAfter(TenantScope.of(Set.of(acme)), 0, 1_000))
                .as("every event written is positioned")
                .hasSize(written.get());
        List<Long> positions = instances.get(0).eventFeed().readAfter(TenantScope.allTenants(), 0, 1_000).stream()
                .map(FeedEvent::position)
                .toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(positions.get(positions.size() - 1) - positions.get(0))
                .as("no position skipped")
                .isEqualTo(positions.size() - 1);
    }

    /**
     * H2's writers take turns, so an event is positioned where it is written: readable at its
     * commit, with no sequencer run and no update of its row.
     */
    @Test
    void onH2AnEventIsReadableWithItsPositionOnceCommittedWithoutARun() {
        JooqPersistence persistence = databases.h2();
        TenantId acme = TenantId.random();
        persistence.tenants().insert(new Tenant(acme, "Acme", Instant.now()));
        Change<User> first = aUser().in(acme).withUserName("first@acme.com").provision(Instant.now());
        Change<User> second = aUser().in(acme).withUserName("second@acme.com").provision(Instant.now());
        persistence.users().insert(first.after(), first.events());
        persistence.users().insert(second.after(), second.events());

        List<DomainEvent> expected = new ArrayList<>(first.events());
        expected.addAll(second.events());
        List<FeedEvent> read = persistence.eventFeed().readAfter(TenantScope.of(Set.of(acme)), 0, 100);
        assertThat(read).extracting(FeedEvent::event).containsExactlyElementsOf(expected);
        assertThat(read).extracting(FeedEvent::position).isSorted().doesNotHaveDuplicates();
    }

    /** Events an earlier version wrote without a position are positioned after the newest, once. */
    @Test
    void onH2EventsLeftUnpositionedByAnEarlierVersionArePositionedAfterTheNewest() {
        DataSource h2 = databases.h2DataSource();
        JooqPersistence persistence = JooqPersistence.create(h2, SQLDialect.H2);
        persistence.migrate();
        TenantId acme = TenantId.random();
        persistence.tenants().insert(new Tenant(acme, "Acme", Instant.now()));
        Change<User> older = aUser().in(acme).withUserName("older@acme.com").provision(Instant.now());
        Change<User> newer = aUser().in(acme).withUserName("newer@acme.com").provision(Instant.now());
        persistence.users().insert(older.after(), older.events());
        List<FeedEvent> olderRead = persistence.eventFeed().readAfter(TenantScope.allTenants(), 0, 100);
        long olderNewest = olderRead.get(olderRead.size() - 1).position();
        persistence.users().insert(newer.after(), newer.events());
        DSL.using(h2, SQLDialect.H2)
                .update(EVENTS)
                .setNull(EVENTS.POSITION)
                .where(EVENTS.POSITION.le(olderNewest))
                .execute();

        assertThat(persistence.eventSequencer(SLOW_TICK).sequence()).isEqualTo(olderRead.size());
        assertThat(persistence.eventSequencer(SLOW_TICK).sequence()).isZero();

        List<DomainEvent> expected = new ArrayList<>(newer.events());
        expected.addAll(older.events());
        assertThat(persistence.eventFeed().readAfter(TenantScope.of(Set.of(acme)), 0, 100))
                .extracting(FeedEvent::event)
                .containsExactlyElementsOf(expected);
    }
}
