package com.javelo.scim.adapter.jooq;

import static com.javelo.scim.core.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.adapter.jooq.notify.DatabaseNotifications;
import com.javelo.scim.adapter.jooq.outbox.JooqEventSequencer;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.tenant.Tenant;
import com.javelo.scim.domain.user.User;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
     * Each event's unpositioned row version stays in the position index until a vacuum; the
     * sequencer's look-up must not walk them (migration 8): it reads the partial index of
     * unpositioned events in id order, with no sort.
     */
    @Test
    void onPostgresTheSequencersLookUpReadsOnlyTheIndexOfUnpositionedEvents() {
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
        // A table of one row is read whole by any plan: the question is what the index allows.
        String plan = DSL.using(postgres, SQLDialect.POSTGRES).transactionResult(transaction -> {
            transaction.dsl().execute("set local enable_seqscan = off");
            return String.join(
                    "\n",
                    transaction
                            .dsl()
                            .fetch("explain " + lookUp.replace("?", "500"))
                            .getValues(0, String.class));
        });
        assertThat(plan).contains("events_unpositioned").doesNotContain("Sort");
    }
}
