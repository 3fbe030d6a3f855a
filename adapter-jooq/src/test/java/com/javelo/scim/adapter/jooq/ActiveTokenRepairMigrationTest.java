package com.javelo.scim.adapter.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V3 repairs what parallel regenerations left before it: of several active tokens of a tenant,
 * only the newest stays active (the others are revoked), and from then on the database refuses
 * a second active token.
 */
class ActiveTokenRepairMigrationTest {

    @Test
    void onH2() throws SQLException {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            pool.setUsername("sa");
            repairsAndThenRefusesASecondActiveToken(pool);
        }
    }

    @Test
    void onPostgres() throws SQLException {
        TestDatabases.requirePostgres();
        String schema =
                "scim_v3_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(TestDatabases.POSTGRES_URL + "?currentSchema=" + schema);
            pool.setUsername(TestDatabases.POSTGRES_USER);
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            try {
                repairsAndThenRefusesASecondActiveToken(pool);
            } finally {
                try (Connection connection = pool.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void repairsAndThenRefusesASecondActiveToken(DataSource pool) throws SQLException {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .target("2")
                .load()
                .migrate();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO tenants (id, name, created_at) VALUES "
                    + "('acme', 'Acme', TIMESTAMP WITH TIME ZONE '2026-01-01 09:00:00+00'), "
                    + "('globex', 'Globex', TIMESTAMP WITH TIME ZONE '2026-01-01 09:00:00+00')");
            statement.execute("INSERT INTO api_tokens (tenant_id, token_hash, created_at, revoked_at) VALUES "
                    + "('acme', '" + "a".repeat(64) + "', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00', NULL), "
                    + "('acme', '" + "b".repeat(64) + "', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:02+00', NULL), "
                    + "('acme', '" + "c".repeat(64) + "', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:01+00', NULL), "
                    + "('acme', '" + "d".repeat(64) + "', TIMESTAMP WITH TIME ZONE '2026-01-01 09:30:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 09:40:00+00'), "
                    + "('globex', '" + "e".repeat(64) + "', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00', NULL)");
        }

        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(active(statement)).containsExactly("acme:" + "b".repeat(64), "globex:" + "e".repeat(64));
            try (ResultSet revoked = statement.executeQuery(
                    "SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NOT NULL AND active_tenant_id IS NULL")) {
                revoked.next();
                assertThat(revoked.getInt(1))
                        .as("revoked tokens, none naming a tenant as active")
                        .isEqualTo(3);
            }
            String second = "INSERT INTO api_tokens (tenant_id, token_hash, created_at, active_tenant_id) VALUES "
                    + "('acme', '" + "f".repeat(64) + "', CURRENT_TIMESTAMP, 'acme')";
            try {
                statement.execute(second);
                throw new AssertionError("a second active token was accepted");
            } catch (SQLException refused) {
                assertThat(refused.getSQLState()).startsWith("23");
            }
        }
    }

    private static List<String> active(Statement statement) throws SQLException {
        List<String> active = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT tenant_id, token_hash FROM api_tokens "
                + "WHERE revoked_at IS NULL AND active_tenant_id = tenant_id ORDER BY tenant_id")) {
            while (rows.next()) {
                active.add(rows.getString(1) + ":" + rows.getString(2));
            }
        }
        return active;
    }
}
