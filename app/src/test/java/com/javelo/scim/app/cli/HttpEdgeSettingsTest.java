package com.javelo.scim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.javelo.scim.app.config.Settings;
import com.javelo.scim.app.config.SettingsLoader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The HTTP edge's settings: bind address, read and idle timeouts, each a variable and an option. */
class HttpEdgeSettingsTest {

    private static Settings load(Map<String, String> environment, String... options) {
        ConfigOptions parsed = new ConfigOptions();
        new CommandLine(parsed).parseArgs(options);
        return SettingsLoader.load(environment, parsed.asVariables());
    }

    @Test
    void defaultsListenOnEveryInterfaceWithTenSecondsToSendARequest() {
        Settings settings = load(Map.of());
        assertThat(settings.httpHost()).isEqualTo("0.0.0.0");
        assertThat(settings.httpReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.httpIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.toString())
                .contains("host=0.0.0.0")
                .contains("readTimeout=10s")
                .contains("idleTimeout=30s");
    }

    @Test
    void variablesSetThemAndOptionsWin() {
        Map<String, String> environment = Map.of(
                "SCIM_HTTP_HOST",
                "127.0.0.1",
                "SCIM_HTTP_READ_TIMEOUT_SECONDS",
                "5",
                "SCIM_HTTP_IDLE_TIMEOUT_SECONDS",
                "60");
        Settings fromVariables = load(environment);
        assertThat(fromVariables.httpHost()).isEqualTo("127.0.0.1");
        assertThat(fromVariables.httpReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fromVariables.httpIdleTimeout()).isEqualTo(Duration.ofSeconds(60));

        Settings fromOptions =
                load(environment, "--host", "::1", "--read-timeout-seconds", "20", "--idle-timeout-seconds", "90");
        assertThat(fromOptions.httpHost()).isEqualTo("::1");
        assertThat(fromOptions.httpReadTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(fromOptions.httpIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> load(Map.of("SCIM_HTTP_HOST", "0.0.0.0:8080/x")))
                .isInstanceOf(SettingsLoader.InvalidSetting.class)
                .hasMessageContaining("SCIM_HTTP_HOST");
        assertThatThrownBy(() -> load(Map.of(), "--host", "my host"))
                .isInstanceOf(SettingsLoader.InvalidSetting.class)
                .hasMessageContaining("SCIM_HTTP_HOST");
        assertThatThrownBy(() -> load(Map.of("SCIM_HTTP_READ_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(SettingsLoader.InvalidSetting.class)
                .hasMessageContaining("SCIM_HTTP_READ_TIMEOUT_SECONDS")
                .hasMessageContaining("between 1 and 300");
        assertThatThrownBy(() -> load(Map.of(), "--idle-timeout-seconds", "soon"))
                .isInstanceOf(SettingsLoader.InvalidSetting.class)
                .hasMessageContaining("SCIM_HTTP_IDLE_TIMEOUT_SECONDS");
    }
}
