package com.javelo.scim.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import com.javelo.scim.app.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Configures logback for the chosen format, and bridges Jersey's and Grizzly's JUL logging into it. */
public final class Logging {

    static final String TEXT_PATTERN = "%localTime %-5level [%thread] %logger{20} - %msg%n";

    private Logging() {}

    public static void configure(Settings.LogFormat format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if (format == Settings.LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            encoder = json;
        } else {
            encoder = textEncoder(context);
        }
        BufferedStderrAppender stderr = new BufferedStderrAppender();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        // jOOQ's banner and Hikari's chatter are not operators' business.
        context.getLogger("org.jooq.Constants").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        // Jersey warns about every resource registered as an instance; nothing is wrong.
        context.getLogger("org.glassfish.jersey.internal.inject.Providers").setLevel(Level.ERROR);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** The text format's encoder, started. */
    static PatternLayoutEncoder textEncoder(LoggerContext context) {
        // %localTime writes what %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} does, for less CPU.
        Map<String, Supplier<DynamicConverter<ILoggingEvent>>> rules = new HashMap<>();
        rules.put("localTime", LocalTimestamp::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }

    /**
     * Writes out the lines still queued; for the end of the process, called by whoever ends it
     * (the server's shutdown hook, last; {@code Main} before it exits). Not a shutdown hook of its
     * own: one would stop logging while the server's hook still logs its stop.
     */
    public static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
