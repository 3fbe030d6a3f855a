package com.javelo.scim.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The command-line twins of the SCIM_* environment variables; an option wins over its variable. */
public final class ConfigOptions {

    @Option(names = "--port", description = "HTTP port (SCIM_HTTP_PORT, default 8080)")
    String port;

    @Option(names = "--host", description = "Address to listen on (SCIM_HTTP_HOST, default 0.0.0.0: every interface)")
    String host;

    @Option(
            names = "--read-timeout-seconds",
            description =
                    "Longest time a client may take to send a whole request, 1 to 300 (SCIM_HTTP_READ_TIMEOUT_SECONDS, default 10)")
    String readTimeoutSeconds;

    @Option(
            names = "--idle-timeout-seconds",
            description = "Longest idle time of a connection, 1 to 3600 (SCIM_HTTP_IDLE_TIMEOUT_SECONDS, default 30)")
    String idleTimeoutSeconds;

    @Option(names = "--public-base-url", description = "Public URL of the service (SCIM_PUBLIC_BASE_URL)")
    String publicBaseUrl;

    @Option(
            names = "--db-url",
            description = "JDBC URL; jdbc:postgresql:… selects PostgreSQL (SCIM_DB_URL, default H2 in the data dir)")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (SCIM_DB_USER)")
    String dbUser;

    @Option(
            names = "--db-password",
            description = "Database password (SCIM_DB_PASSWORD)",
            arity = "0..1",
            interactive = true)
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

    @Option(
            names = "--trust-forwarded-headers",
            description = "Honour X-Forwarded-Proto/Host (SCIM_TRUST_FORWARDED_HEADERS)")
    String trustForwardedHeaders;

    @Option(
            names = "--token-cache-seconds",
            description =
                    "How long an accepted API token is remembered, 0 to 300 (SCIM_TOKEN_CACHE_SECONDS, default 5)")
    String tokenCacheSeconds;

    @Option(
            names = "--db-connect-timeout-seconds",
            description = "Longest wait for a database connection (SCIM_DB_CONNECT_TIMEOUT_SECONDS, default 3)")
    String dbConnectTimeoutSeconds;

    @Option(
            names = "--db-socket-timeout-seconds",
            description = "Longest wait for any answer from PostgreSQL (SCIM_DB_SOCKET_TIMEOUT_SECONDS, default 15)")
    String dbSocketTimeoutSeconds;

    @Option(
            names = "--db-statement-timeout-seconds",
            description = "Longest a statement or lock wait may run (SCIM_DB_STATEMENT_TIMEOUT_SECONDS, default 10)")
    String dbStatementTimeoutSeconds;

    @Option(
            names = "--event-retention-days",
            description = "How long events are kept for consumers, 1 to 3650 (SCIM_EVENT_RETENTION_DAYS, default 30)")
    String eventRetentionDays;

    @Option(
            names = "--activity-log",
            description = "on or off: record the provisioning activity log (SCIM_ACTIVITY_LOG, default on)")
    String activityLog;

    @Option(
            names = "--activity-retention-days",
            description = "Days the activity log keeps an entry (SCIM_ACTIVITY_RETENTION_DAYS, default 30)")
    String activityRetentionDays;

    @Option(
            names = "--activity-max-entries",
            description =
                    "Entries each company's activity log keeps at most (SCIM_ACTIVITY_MAX_ENTRIES, default 100000)")
    String activityMaxEntries;

    @Option(
            names = "--event-long-poll-seconds",
            description =
                    "Longest a long poll of the event feed waits for events, 1 to 120 (SCIM_EVENT_LONG_POLL_SECONDS, default 20)")
    String eventLongPollSeconds;

    @Option(
            names = "--tenant-rate-limit",
            description =
                    "SCIM requests per second per company and per instance, 0 for none (SCIM_TENANT_RATE_LIMIT, default 50)")
    String tenantRateLimit;

    @Option(
            names = "--tenant-rate-burst",
            description = "Requests a company may make at once above its rate (SCIM_TENANT_RATE_BURST, default 100)")
    String tenantRateBurst;

    @Option(
            names = "--shutdown-drain-seconds",
            description =
                    "On SIGTERM, seconds readiness answers 503 while requests are still served (SCIM_SHUTDOWN_DRAIN_SECONDS, default 5)")
    String shutdownDrainSeconds;

    Map<String, String> asVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        put(variables, "SCIM_HTTP_PORT", port);
        put(variables, "SCIM_HTTP_HOST", host);
        put(variables, "SCIM_HTTP_READ_TIMEOUT_SECONDS", readTimeoutSeconds);
        put(variables, "SCIM_HTTP_IDLE_TIMEOUT_SECONDS", idleTimeoutSeconds);
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
        put(variables, "SCIM_DB_CONNECT_TIMEOUT_SECONDS", dbConnectTimeoutSeconds);
        put(variables, "SCIM_DB_SOCKET_TIMEOUT_SECONDS", dbSocketTimeoutSeconds);
        put(variables, "SCIM_DB_STATEMENT_TIMEOUT_SECONDS", dbStatementTimeoutSeconds);
        put(variables, "SCIM_EVENT_RETENTION_DAYS", eventRetentionDays);
        put(variables, "SCIM_ACTIVITY_LOG", activityLog);
        put(variables, "SCIM_ACTIVITY_RETENTION_DAYS", activityRetentionDays);
        put(variables, "SCIM_ACTIVITY_MAX_ENTRIES", activityMaxEntries);
        put(variables, "SCIM_EVENT_LONG_POLL_SECONDS", eventLongPollSeconds);
        put(variables, "SCIM_TENANT_RATE_LIMIT", tenantRateLimit);
        put(variables, "SCIM_TENANT_RATE_BURST", tenantRateBurst);
        put(variables, "SCIM_SHUTDOWN_DRAIN_SECONDS", shutdownDrainSeconds);
        return variables;
    }

    private static void put(Map<String, String> variables, String name, String value) {
        if (value != null) {
            variables.put(name, value);
        }
    }
}
