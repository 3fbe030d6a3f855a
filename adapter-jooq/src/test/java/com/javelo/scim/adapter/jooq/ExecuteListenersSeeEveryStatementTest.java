package com.javelo.scim.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A jOOQ {@link ExecuteListener} configured on the persistence (a slow-query log, tracing) sees
 * every statement that reaches the driver, those run through {@code sql.PreRendered} included: the
 * hot writes are recorded twice, by the listener and by the data source, and the two agree.
 */
class ExecuteListenersSeeEveryStatementTest {

    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Test
    void onH2() {
        assertListenerSeesWhatTheDriverRuns(databases.h2DataSource(), SQLDialect.H2);
    }

    @Test
    void onPostgres() {
        assertListenerSeesWhatTheDriverRuns(databases.postgresDataSource(), SQLDialect.POSTGRES);
    }

    private static void assertListenerSeesWhatTheDriverRuns(DataSource dataSource, SQLDialect dialect) {
        RecordingDataSource driver = new RecordingDataSource();
        StatementLog listener = new StatementLog();
        JooqPersistence persistence = JooqPersistence.create(driver.wrap(dataSource), dialect, 10, listener);
        persistence.migrate();
        driver.take(); // the migration's (Flyway runs without jOOQ)
        listener.take();

        Map<String, List<String>> steps = new HotPath(persistence, () -> {
                    List<String> ran = driver.take();
                    assertThat(listener.take()).as("what the listener saw").isEqualTo(ran);
                    return ran;
                })
                .run();

        assertThat(steps.values())
                .allSatisfy(statements -> assertThat(statements).isNotEmpty());
        assertThat(listener.finished).as("every statement started also ended").isEqualTo(listener.started);
    }

    /** Records each statement as it starts to execute, like a slow-query log would time it. */
    private static final class StatementLog implements ExecuteListener {
        private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
        private int started;
        private int finished;

        @Override
        public void start(ExecuteContext ctx) {
            started++;
        }

        @Override
        public void executeStart(ExecuteContext ctx) {
            statements.add(ctx.sql() != null ? ctx.sql() : String.join("; ", ctx.batchSQL()));
        }

        @Override
        public void end(ExecuteContext ctx) {
            finished++;
        }

        List<String> take() {
            synchronized (statements) {
                List<String> taken = List.copyOf(statements);
                statements.clear();
                return taken;
            }
        }
    }
}
