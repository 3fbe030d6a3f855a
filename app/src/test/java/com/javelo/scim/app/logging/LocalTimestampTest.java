package com.javelo.scim.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class LocalTimestampTest {

    private static final DateTimeFormatter LOGBACK_PATTERN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    @Test
    void writes_what_the_date_pattern_writes_on_either_side_of_a_clock_change_and_before_1970() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalTimestamp timestamp = new LocalTimestamp(paris);
        long[] starts = {
            Instant.parse("2026-03-29T00:59:58Z").toEpochMilli(), // 02:00 local becomes 03:00
            Instant.parse("2026-10-25T00:59:58Z").toEpochMilli(), // 03:00 local becomes 02:00
            Instant.parse("1969-12-31T23:59:58Z").toEpochMilli(),
            Instant.parse("2026-12-07T19:41:05Z").toEpochMilli()
        };
        for (long start : starts) {
            for (long millis = start; millis < start + 4_000; millis += 7) {
                assertThat(timestamp.format(millis))
                        .as("at %d", millis)
                        .isEqualTo(LOGBACK_PATTERN.withZone(paris).format(Instant.ofEpochMilli(millis)));
            }
        }
    }

    @Test
    void the_text_format_uses_it_through_the_pattern() {
        LoggerContext context = new LoggerContext();
        PatternLayoutEncoder encoder = Logging.textEncoder(context);
        LoggingEvent event = new LoggingEvent(
                "fqcn",
                context.getLogger("com.javelo.scim.requests"),
                Level.INFO,
                "GET /scim/v2/Users 200",
                null,
                null);
        event.setTimeStamp(Instant.parse("2026-12-07T19:41:05.042Z").toEpochMilli());
        event.setThreadName("scim-http(3)");

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .startsWith(LOGBACK_PATTERN
                                .withZone(ZoneId.systemDefault())
                                .format(Instant.ofEpochMilli(event.getTimeStamp()))
                        + " INFO  [scim-http(3)]")
                .contains("- GET /scim/v2/Users 200");
    }
}
