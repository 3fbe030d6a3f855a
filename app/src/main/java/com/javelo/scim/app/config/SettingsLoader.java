package com.javelo.scim.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
        Path dataDir = Path.of(orDefault(value.apply("SCIM_DATA_DIR"), "./data")).toAbsolutePath().normalize();
        String dbUrl = orDefault(value.apply("SCIM_DB_URL"),
                "jdbc:h2:file:" + dataDir.resolve("javelo-scim") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH");
        if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
            throw new InvalidSetting("SCIM_DB_URL must start with jdbc:postgresql: or jdbc:h2:");
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
            throw new InvalidSetting("SCIM_LOG_FORMAT must be 'text' or 'json', not '" + format.toLowerCase(Locale.ROOT) + "'");
        }
        String trust = orDefault(value.apply("SCIM_TRUST_FORWARDED_HEADERS"), "false").toLowerCase(Locale.ROOT);
        if (!trust.equals("true") && !trust.equals("false")) {
            throw new InvalidSetting("SCIM_TRUST_FORWARDED_HEADERS must be 'true' or 'false'");
        }
        String activityLog = orDefault(value.apply("SCIM_ACTIVITY_LOG"), "on").toLowerCase(Locale.ROOT);
        if (!activityLog.equals("on") && !activityLog.equals("off")) {
            throw new InvalidSetting("SCIM_ACTIVITY_LOG must be 'on' or 'off'");
        }
        Settings.Activity activity = new Settings.Activity(activityLog.equals("on"),
                integer(value, "SCIM_ACTIVITY_RETENTION_DAYS", 30, 1, 3650),
                integer(value, "SCIM_ACTIVITY_MAX_ENTRIES", 100_000, 100, 10_000_000));
        return new Settings(port, publicBaseUrl, dbUrl,
                orDefault(value.apply("SCIM_DB_USER"), dbUrl.startsWith("jdbc:h2:") ? "sa" : "postgres"),
                orDefault(value.apply("SCIM_DB_PASSWORD"), ""),
                integer(value, "SCIM_DB_POOL_SIZE", 10, 1, 500), dataDir, adminToken,
                integer(value, "SCIM_MAX_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024), logFormat,
                trust.equals("true"), Duration.ofSeconds(integer(value, "SCIM_TOKEN_CACHE_SECONDS", 5, 0, 300)),
                activity);
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
