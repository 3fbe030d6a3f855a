package com.javelo.scim.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@link Settings} from the environment and command-line overrides, and refuses a bad
 * value with one line saying which setting and why.
 */
public final class SettingsLoader {

    /** A setting that cannot be used; the message names it and says what is expected. */
    public static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidSetting(String message) {
            super(message);
        }
    }

    /** An IPv4 or IPv6 literal (brackets optional) or a host name: what the listener can bind. */
    private static final Pattern LISTEN_ADDRESS = Pattern.compile("\\[?[A-Za-z0-9.:%-]+]?");

    private SettingsLoader() {}

    /**
     * @param environment the process environment
     * @param overrides values from command-line options, keyed by variable name (e.g. SCIM_HTTP_PORT)
     */
    public static Settings load(Map<String, String> environment, Map<String, String> overrides) {
        Function<String, String> value = name -> {
            String given = overrides.get(name);
            if (given == null) {
                given = environment.get(name);
            }
            return given == null || given.isBlank() ? null : given.strip();
        };
        int port = integer(value, "SCIM_HTTP_PORT", 8080, 0, 65535);
        String host = orDefault(value.apply("SCIM_HTTP_HOST"), "0.0.0.0");
        if (!LISTEN_ADDRESS.matcher(host).matches()) {
            throw new InvalidSetting("SCIM_HTTP_HOST must be an IP address or host name to listen on, such as "
                    + "0.0.0.0 (every interface) or 127.0.0.1, not '" + host + "'");
        }
        Duration readTimeout = Duration.ofSeconds(integer(value, "SCIM_HTTP_READ_TIMEOUT_SECONDS", 10, 1, 300));
        Duration idleTimeout = Duration.ofSeconds(integer(value, "SCIM_HTTP_IDLE_TIMEOUT_SECONDS", 30, 1, 3600));
        Path dataDir = Path.of(orDefault(value.apply("SCIM_DATA_DIR"), "./data"))
                .toAbsolutePath()
                .normalize();
        int connectTimeout = integer(value, "SCIM_DB_CONNECT_TIMEOUT_SECONDS", 3, 1, 60);
        int statementTimeout = integer(value, "SCIM_DB_STATEMENT_TIMEOUT_SECONDS", 10, 1, 300);
        int socketTimeout = integer(value, "SCIM_DB_SOCKET_TIMEOUT_SECONDS", 15, 2, 600);
        if (socketTimeout <= statementTimeout) {
            // The statement timeout cancels cleanly and keeps the connection; the socket timeout
            // is the last resort for a database that no longer answers at all.
            throw new InvalidSetting("SCIM_DB_SOCKET_TIMEOUT_SECONDS (" + socketTimeout
                    + ") must be greater than SCIM_DB_STATEMENT_TIMEOUT_SECONDS (" + statementTimeout + ")");
        }
        String givenDbUrl = orDefault(
                value.apply("SCIM_DB_URL"),
                "jdbc:h2:file:" + dataDir.resolve("javelo-scim") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH");
        if (!givenDbUrl.startsWith("jdbc:postgresql:") && !givenDbUrl.startsWith("jdbc:h2:")) {
            throw new InvalidSetting("SCIM_DB_URL must start with jdbc:postgresql: or jdbc:h2:");
        }
        String dbUrl = givenDbUrl;
        if (givenDbUrl.startsWith("jdbc:h2:")) {
            requireEmbeddedH2(givenDbUrl);
            dbUrl = durableH2(givenDbUrl, statementTimeout);
        }
        String publicBaseUrl = value.apply("SCIM_PUBLIC_BASE_URL");
        if (publicBaseUrl != null) {
            requireHttpUrl(publicBaseUrl);
        }
        String adminToken = value.apply("SCIM_ADMIN_TOKEN");
        if (adminToken != null && adminToken.length() < 16) {
            throw new InvalidSetting("SCIM_ADMIN_TOKEN must be at least 16 characters long (use a random secret)");
        }
        String format = orDefault(value.apply("SCIM_LOG_FORMAT"), "text").toUpperCase(Locale.ROOT);
        Settings.LogFormat logFormat;
        try {
            logFormat = Settings.LogFormat.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(
                    "SCIM_LOG_FORMAT must be 'text' or 'json', not '" + format.toLowerCase(Locale.ROOT) + "'");
        }
        String trust =
                orDefault(value.apply("SCIM_TRUST_FORWARDED_HEADERS"), "false").toLowerCase(Locale.ROOT);
        if (!trust.equals("true") && !trust.equals("false")) {
            throw new InvalidSetting("SCIM_TRUST_FORWARDED_HEADERS must be 'true' or 'false'");
        }
        String activityLog = orDefault(value.apply("SCIM_ACTIVITY_LOG"), "on").toLowerCase(Locale.ROOT);
        if (!activityLog.equals("on") && !activityLog.equals("off")) {
            throw new InvalidSetting("SCIM_ACTIVITY_LOG must be 'on' or 'off'");
        }
        Settings.Activity activity = new Settings.Activity(
                activityLog.equals("on"),
                integer(value, "SCIM_ACTIVITY_RETENTION_DAYS", 30, 1, 3650),
                integer(value, "SCIM_ACTIVITY_MAX_ENTRIES", 100_000, 100, 10_000_000));
        int rateLimit = integer(value, "SCIM_TENANT_RATE_LIMIT", 50, 0, 100_000);
        int rateBurst = integer(value, "SCIM_TENANT_RATE_BURST", Math.max(100, rateLimit * 2), 1, 1_000_000);
        if (rateLimit > 0 && rateBurst < rateLimit) {
            // A burst below the rate would refuse requests arriving together within one second.
            throw new InvalidSetting("SCIM_TENANT_RATE_BURST (" + rateBurst
                    + ") must be at least SCIM_TENANT_RATE_LIMIT (" + rateLimit + ")");
        }
        return new Settings(
                port,
                host,
                readTimeout,
                idleTimeout,
                publicBaseUrl,
                dbUrl,
                orDefault(value.apply("SCIM_DB_USER"), dbUrl.startsWith("jdbc:h2:") ? "sa" : "postgres"),
                orDefault(value.apply("SCIM_DB_PASSWORD"), ""),
                integer(value, "SCIM_DB_POOL_SIZE", 10, 1, 500),
                dataDir,
                adminToken,
                integer(value, "SCIM_MAX_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024),
                logFormat,
                trust.equals("true"),
                Duration.ofSeconds(integer(value, "SCIM_TOKEN_CACHE_SECONDS", 5, 0, 300)),
                Duration.ofSeconds(connectTimeout),
                Duration.ofSeconds(socketTimeout),
                Duration.ofSeconds(statementTimeout),
                Duration.ofDays(integer(value, "SCIM_EVENT_RETENTION_DAYS", 30, 1, 3650)),
                activity,
                Duration.ofSeconds(integer(value, "SCIM_EVENT_LONG_POLL_SECONDS", 20, 1, 120)),
                rateLimit,
                rateBurst,
                Duration.ofSeconds(integer(value, "SCIM_SHUTDOWN_DRAIN_SECONDS", 5, 0, 120)));
    }

    /**
     * H2's writes are kept whole by taking turns within this process (docs/architecture.md,
     * "Durability on H2"): a database other processes may write too would lose updates.
     */
    private static void requireEmbeddedH2(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (upper.startsWith("JDBC:H2:TCP:")
                || upper.startsWith("JDBC:H2:SSL:")
                || upper.contains(";AUTO_SERVER=TRUE")) {
            throw new InvalidSetting("SCIM_DB_URL must name an H2 database this service embeds (jdbc:h2:file:…),"
                    + " not one that other processes write too (jdbc:h2:tcp:, jdbc:h2:ssl:, AUTO_SERVER=TRUE):"
                    + " H2 loses updates then; use PostgreSQL to share a database");
        }
    }

    /**
     * Adds to an H2 URL (the default or a given one) what makes an acknowledged write durable and
     * the shutdown orderly, unless the URL already sets it (docs/architecture.md, "Durability"):
     * WRITE_DELAY=0 writes the store at every commit (H2's default keeps commits in memory for up
     * to half a second), DB_CLOSE_ON_EXIT=FALSE leaves closing to the service's own shutdown
     * (H2's shutdown hook raced it), TRACE_LEVEL_FILE=0 keeps SQL error messages, which can hold
     * profile values, out of a .trace.db file, and LOCK_TIMEOUT bounds a wait for a row lock as
     * the statement timeout bounds the rest.
     */
    static String durableH2(String url, int statementTimeoutSeconds) {
        StringBuilder durable = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        Map<String, String> required = new LinkedHashMap<>();
        required.put("WRITE_DELAY", "0");
        required.put("DB_CLOSE_ON_EXIT", "FALSE");
        required.put("TRACE_LEVEL_FILE", "0");
        required.put("LOCK_TIMEOUT", Integer.toString(statementTimeoutSeconds * 1000));
        required.forEach((name, setting) -> {
            if (!upper.contains(";" + name + "=")) {
                durable.append(';').append(name).append('=').append(setting);
            }
        });
        return durable.toString();
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new InvalidSetting("SCIM_PUBLIC_BASE_URL must be an absolute http(s) URL such as "
                        + "https://scim.javelo.io, not '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidSetting("SCIM_PUBLIC_BASE_URL is not a URL: " + e.getMessage());
        }
    }

    private static int integer(Function<String, String> value, String name, int fallback, int min, int max) {
        String text = value.apply(name);
        if (text == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(text);
            if (parsed < min || parsed > max) {
                throw new InvalidSetting(name + " must be between " + min + " and " + max + ", not " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidSetting(name + " must be a whole number, not '" + text + "'");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
