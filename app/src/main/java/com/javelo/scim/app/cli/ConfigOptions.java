package com.javelo.scim.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The command-line twins of the SCIM_* environment variables; an option wins over its variable. */
public final class ConfigOptions {

    @Option(names = "--port", description = "HTTP port (SCIM_HTTP_PORT, default 8080)")
    String port;

    @Option(names = "--public-base-url", description = "Public URL of the service (SCIM_PUBLIC_BASE_URL)")
    String publicBaseUrl;

    @Option(names = "--db-url", description = "JDBC URL; jdbc:postgresql:… selects PostgreSQL (SCIM_DB_URL, default H2 in the data dir)")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (SCIM_DB_USER)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (SCIM_DB_PASSWORD)", arity = "0..1", interactive = true)
    String dbPassword;

    @Option(names = "--db-pool-size", description = "Connection pool size (SCIM_DB_POOL_SIZE, default 10)")
    String dbPoolSize;

    @Option(names = "--data-dir", description = "Directory of the embedded H2 database (SCIM_DATA_DIR, default ./data)")
    String dataDir;

    @Option(names = "--admin-token", description = "Enables /admin/v1 with this bearer token (SCIM_ADMIN_TOKEN)")
    String adminToken;

    @Option(names = "--max-body-bytes", description = "Largest request body (SCIM_MAX_BODY_BYTES, default 1048576)")
    String maxBodyBytes;

    @Option(names = "--log-format", description = "text or json (SCIM_LOG_FORMAT, default text)")
    String logFormat;

    @Option(names = "--trust-forwarded-headers", description = "Honour X-Forwarded-Proto/Host (SCIM_TRUST_FORWARDED_HEADERS)")
    String trustForwardedHeaders;

    @Option(names = "--token-cache-seconds",
            description = "How long an accepted API token is remembered, 0 to 300 (SCIM_TOKEN_CACHE_SECONDS, default 5)")
    String tokenCacheSeconds;

    @Option(names = "--activity-log", description = "on or off: record the provisioning activity log (SCIM_ACTIVITY_LOG, default on)")
    String activityLog;

    @Option(names = "--activity-retention-days",
            description = "Days the activity log keeps an entry (SCIM_ACTIVITY_RETENTION_DAYS, default 30)")
    String activityRetentionDays;

    @Option(names = "--activity-max-entries",
            description = "Entries each company's activity log keeps at most (SCIM_ACTIVITY_MAX_ENTRIES, default 100000)")
    String activityMaxEntries;

    Map<String, String> asVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        put(variables, "SCIM_HTTP_PORT", port);
        put(variables, "SCIM_PUBLIC_BASE_URL", publicBaseUrl);
        put(variables, "SCIM_DB_URL", dbUrl);
        put(variables, "SCIM_DB_USER", dbUser);
        put(variables, "SCIM_DB_PASSWORD", dbPassword);
        put(variables, "SCIM_DB_POOL_SIZE", dbPoolSize);
        put(variables, "SCIM_DATA_DIR", dataDir);
        put(variables, "SCIM_ADMIN_TOKEN", adminToken);
        put(variables, "SCIM_MAX_BODY_BYTES", maxBodyBytes);
        put(variables, "SCIM_LOG_FORMAT", logFormat);
        put(variables, "SCIM_TRUST_FORWARDED_HEADERS", trustForwardedHeaders);
        put(variables, "SCIM_TOKEN_CACHE_SECONDS", tokenCacheSeconds);
        put(variables, "SCIM_ACTIVITY_LOG", activityLog);
        put(variables, "SCIM_ACTIVITY_RETENTION_DAYS", activityRetentionDays);
        put(variables, "SCIM_ACTIVITY_MAX_ENTRIES", activityMaxEntries);
        return variables;
    }

    private static void put(Map<String, String> variables, String name, String value) {
        if (value != null) {
            variables.put(name, value);
        }
    }
}
