package com.javelo.scim.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database settings issue #13 added: a durable H2 URL and bounded waits. */
class SettingsLoaderTest {

    @Test
    void theDefaultH2UrlWritesEveryCommitAndLeavesClosingToTheService() {
        Settings settings = SettingsLoader.load(Map.of("SCIM_DATA_DIR", "/tmp/scim-settings"), Map.of());

        assertThat(settings.dbUrl())
                .startsWith("jdbc:h2:file:/tmp/scim-settings/javelo-scim;")
                .contains(";WRITE_DELAY=0", ";DB_CLOSE_ON_EXIT=FALSE", ";TRACE_LEVEL_FILE=0", ";LOCK_TIMEOUT=10000");
        assertThat(settings.dbConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.dbStatementTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.dbSocketTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aGivenH2UrlKeepsWhatItSetsAndGetsTheRest() {
        Settings settings = SettingsLoader.load(
                Map.of("SCIM_DB_URL", "jdbc:h2:file:/tmp/x;LOCK_TIMEOUT=500", "SCIM_DB_STATEMENT_TIMEOUT_SECONDS", "4"),
                Map.of());

        assertThat(settings.dbUrl())
                .isEqualTo(
                        "jdbc:h2:file:/tmp/x;LOCK_TIMEOUT=500;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
    }

    @Test
    void anH2DatabaseOtherProcessesMayWriteIsRefused() {
        for (String shared : new String[] {
            "jdbc:h2:tcp://db:9092/scim", "jdbc:h2:ssl://db/scim", "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE"
        }) {
            assertThatThrownBy(() -> SettingsLoader.load(Map.of("SCIM_DB_URL", shared), Map.of()))
                    .as(shared)
                    .isInstanceOf(SettingsLoader.InvalidSetting.class)
                    .hasMessageContaining("SCIM_DB_URL must name an H2 database this service embeds")
                    .hasMessageContaining("use PostgreSQL to share a database");
        }
        assertThat(SettingsLoader.load(Map.of("SCIM_DB_URL", "jdbc:h2:file:/tmp/x;AUTO_SERVER=FALSE"), Map.of())
                        .dbUrl())
                .startsWith("jdbc:h2:file:/tmp/x;AUTO_SERVER=FALSE;");
    }

    @Test
    void aPostgresUrlIsLeftAsGiven() {
        Settings settings = SettingsLoader.load(Map.of("SCIM_DB_URL", "jdbc:postgresql://db/scim"), Map.of());

        assertThat(settings.dbUrl()).isEqualTo("jdbc:postgresql://db/scim");
    }

    @Test
    void theTimeoutsAreConfigurableAndTheSocketOneMustOutlastAStatement() {
        Settings settings = SettingsLoader.load(
                Map.of("SCIM_DB_CONNECT_TIMEOUT_SECONDS", "1"),
                Map.of("SCIM_DB_STATEMENT_TIMEOUT_SECONDS", "5", "SCIM_DB_SOCKET_TIMEOUT_SECONDS", "6"));
        assertThat(settings.dbConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.dbStatementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.dbSocketTimeout()).isEqualTo(Duration.ofSeconds(6));

        assertThatThrownBy(() -> SettingsLoader.load(Map.of("SCIM_DB_STATEMENT_TIMEOUT_SECONDS", "20"), Map.of()))
                .isInstanceOf(SettingsLoader.InvalidSetting.class)
                .hasMessageContaining("SCIM_DB_SOCKET_TIMEOUT_SECONDS (15) must be greater than "
                        + "SCIM_DB_STATEMENT_TIMEOUT_SECONDS (20)");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("SCIM_DB_CONNECT_TIMEOUT_SECONDS", "0"), Map.of()))
                .isInstanceOf(SettingsLoader.InvalidSetting.class)
                .hasMessageContaining("SCIM_DB_CONNECT_TIMEOUT_SECONDS must be between 1 and 60");
    }

    @Test
    void theRateLimitAndTheDrainHaveDefaultsAndABurstBelowTheRateIsRefused() {
        Settings defaults = SettingsLoader.load(Map.of(), Map.of());
        assertThat(defaults.tenantRateLimit()).isEqualTo(50);
        assertThat(defaults.tenantRateBurst()).isEqualTo(100);
        assertThat(defaults.shutdownDrain()).isEqualTo(Duration.ofSeconds(5));

        assertThat(SettingsLoader.load(Map.of("SCIM_TENANT_RATE_LIMIT", "200"), Map.of())
                        .tenantRateBurst())
                .isEqualTo(400);
        assertThat(SettingsLoader.load(Map.of("SCIM_TENANT_RATE_LIMIT", "0"), Map.of())
                        .tenantRateLimit())
                .isZero();
        assertThatThrownBy(() -> SettingsLoader.load(
                        Map.of("SCIM_TENANT_RATE_LIMIT", "50", "SCIM_TENANT_RATE_BURST", "10"), Map.of()))
                .hasMessageContaining("SCIM_TENANT_RATE_BURST (10) must be at least SCIM_TENANT_RATE_LIMIT (50)");
    }
}
