package com.javelo.scim.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The statements the hot writes send (a user create, a PATCH deactivation, members added to a
 * group) are the ones listed in {@code src/test/resources/hot-path-statements/}: a change that adds,
 * removes or reshapes one shows up here (the benchmarks' W1–W7 depend on them). The list was
 * recorded before the SQL layer moved to typed parameters, and is the same after.
 */
class HotPathStatementsTest {

    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Test
    void onH2() {
        assertSameAsListed("h2", databases.h2DataSource(), SQLDialect.H2);
    }

    @Test
    void onPostgres() {
        assertSameAsListed("postgres", databases.postgresDataSource(), SQLDialect.POSTGRES);
    }

    private static void assertSameAsListed(String database, DataSource dataSource, SQLDialect dialect) {
        RecordingDataSource recording = new RecordingDataSource();
        JooqPersistence persistence = JooqPersistence.create(recording.wrap(dataSource), dialect);
        persistence.migrate();
        String seen = listing(new HotPath(persistence, recording::take).run());
        write(Path.of("target", "hot-path-statements", database + ".txt"), seen);

        assertThat(seen).isEqualTo(listed("/hot-path-statements/" + database + ".txt"));
    }

    static String listing(Map<String, List<String>> steps) {
        StringBuilder listing = new StringBuilder();
        steps.forEach((step, statements) -> {
            listing.append("# ")
                    .append(step)
                    .append(" (")
                    .append(statements.size())
                    .append(" statements)\n");
            statements.forEach(statement -> listing.append(statement).append('\n'));
        });
        return listing.toString();
    }

    private static String listed(String resource) {
        try (InputStream in = HotPathStatementsTest.class.getResourceAsStream(resource)) {
            return in == null ? "(no " + resource + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
