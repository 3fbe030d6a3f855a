package com.javelo.scim.app.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A log line's time as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the machine's zone, e.g.
 * {@code 2026-12-07T19:41:05.123+01:00}: what logback's {@code %d} with that pattern writes, but
 * formatted once a second instead of once a millisecond. Under load every request logs a line in a
 * new millisecond, and logback's formatter took 1.6 % of the service's CPU under W2
 * (docs/benchmarks.md, 2026-12-07 late evening).
 */
public final class LocalTimestamp extends ClassicConverter {

    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("XXX");

    /** The text around the milliseconds within one second (an offset changes on a second's edge only). */
    private record Second(long epochSecond, String before, String after) {}

    private final ZoneId zone;
    private volatile Second last = new Second(Long.MIN_VALUE, "", "");

    public LocalTimestamp() {
        this(ZoneId.systemDefault());
    }

    LocalTimestamp(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String convert(ILoggingEvent event) {
        return format(event.getTimeStamp());
    }

    String format(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            Instant start = Instant.ofEpochSecond(epochSecond);
            second = new Second(
                    epochSecond,
                    TO_THE_SECOND.withZone(zone).format(start),
                    OFFSET.withZone(zone).format(start));
            last = second;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        return new StringBuilder(second.before().length() + 3 + second.after().length())
                .append(second.before())
                .append((char) ('0' + millis / 100))
                .append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10))
                .append(second.after())
                .toString();
    }
}
