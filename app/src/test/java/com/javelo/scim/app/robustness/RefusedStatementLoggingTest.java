package com.javelo.scim.app.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.javelo.scim.app.e2e.EndToEndTest;
import com.javelo.scim.app.e2e.Http.Answer;
import com.javelo.scim.app.e2e.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * A value the database refuses (SQLState class 22 or 23) is a SCIM 400, and the log says which
 * SQLState and constraint or column, never the value: H2's and PostgreSQL's messages quote it.
 *
 * <p>The value that gets past the attribute limits to the database: a userName of 1,024
 * characters whose case-folded key is longer (each U+0130 'İ' lower-cases to two characters), so
 * the key column refuses it on both databases.
 */
class RefusedStatementLoggingTest extends EndToEndTest {

    private static final String MARKER = "zq-profile-secret";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @AfterEach
    void detach() {
        root().detachAppender(captured);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    @ParameterizedTest
    @EnumSource(TestServer.Database.class)
    void aRefusedValueIsA400AndNeverReachesTheLog(TestServer.Database database) throws IOException {
        start(database);
        captured.start();
        root().addAppender(captured);
        String userName = MARKER + "İ".repeat(1024 - MARKER.length());

        Answer refused = okta("POST", "/Users", "{\"userName\":\"" + userName + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(refused.body()).doesNotContain(MARKER);
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                lines.add(cause.getClassName() + ": " + cause.getMessage());
            }
        }
        assertThat(lines).noneMatch(line -> line.toLowerCase().contains(MARKER));
        assertThat(lines).anyMatch(line -> line.contains("SQLState 22001"));
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            for (Path trace :
                    files.filter(file -> file.toString().endsWith(".trace.db")).toList()) {
                assertThat(Files.readString(trace, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
            }
        }
        assertThat(okta("GET", "/Users?filter=" + encode("userName sw \"" + MARKER + "\""), null)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
    }
}
