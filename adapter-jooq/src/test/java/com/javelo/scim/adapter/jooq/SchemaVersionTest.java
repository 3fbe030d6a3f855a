package com.javelo.scim.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import com.javelo.scim.domain.id.TenantId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void theKnownSchemaVersionIsTheNewestMigrationScriptOrJavaMigration() throws IOException, URISyntaxException {
        Path scripts =
                Path.of(JooqPersistence.class.getResource("/db/migration").toURI());
        int newest;
        try (Stream<Path> files = Files.list(scripts)) {
            newest = files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(match -> Integer.parseInt(match.group(1)))
                    .max()
                    .orElseThrow();
        }
        for (var migration : JooqPersistence.JAVA_MIGRATIONS) {
            newest = Math.max(newest, Integer.parseInt(migration.getVersion().getVersion()));
        }

        assertThat(JooqPersistence.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
    }

    @Test
    void aDatabaseIsAtTheSchemaVersionOnlyOnceMigrated() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JooqPersistence persistence = JooqPersistence.create(pool, SQLDialect.H2);
            assertThat(persistence.isAtSchemaVersion()).isFalse();

            persistence.migrate();
            assertThat(persistence.isAtSchemaVersion()).isTrue();

            persistence.migrate();
            persistence.warmUp();
            assertThat(persistence.users().findByUserName(new TenantId("t"), "x"))
                    .isEmpty();
        }
    }
}
