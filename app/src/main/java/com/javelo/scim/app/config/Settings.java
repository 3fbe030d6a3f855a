package com.javelo.scim.app.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the service is configured with; each value comes from a {@code SCIM_*} environment
 * variable or the matching command-line option (see the README for defaults).
 *
 * @param httpPort SCIM_HTTP_PORT
 * @param httpHost SCIM_HTTP_HOST: the address to listen on ({@code 0.0.0.0}: every interface)
 * @param httpReadTimeout SCIM_HTTP_READ_TIMEOUT_SECONDS: how long a client may take to send a whole
 *     request, headers and body, before it is answered 408 and disconnected
 * @param httpIdleTimeout SCIM_HTTP_IDLE_TIMEOUT_SECONDS: how long a connection may stay idle, before
 *     its first request or between kept-alive ones
 * @param publicBaseUrl SCIM_PUBLIC_BASE_URL, or null to derive locations from requests
 * @param dbUrl SCIM_DB_URL; defaults to an H2 file database in the data directory
 * @param dbUser SCIM_DB_USER
 * @param dbPassword SCIM_DB_PASSWORD (never logged)
 * @param dbPoolSize SCIM_DB_POOL_SIZE
 * @param dataDir SCIM_DATA_DIR
 * @param adminToken SCIM_ADMIN_TOKEN, or null to disable the admin API (never logged)
 * @param maxBodyBytes SCIM_MAX_BODY_BYTES
 * @param logFormat SCIM_LOG_FORMAT
 * @param trustForwardedHeaders SCIM_TRUST_FORWARDED_HEADERS
 * @param tokenCacheTtl SCIM_TOKEN_CACHE_SECONDS: how long an accepted API token is remembered
 * @param dbConnectTimeout SCIM_DB_CONNECT_TIMEOUT_SECONDS: the longest wait for a database connection
 * @param dbSocketTimeout SCIM_DB_SOCKET_TIMEOUT_SECONDS: the longest wait for any answer from PostgreSQL
 * @param dbStatementTimeout SCIM_DB_STATEMENT_TIMEOUT_SECONDS: the longest a statement (or a lock wait) may run
 * @param eventRetention SCIM_EVENT_RETENTION_DAYS: how long events are kept for consumers
 * @param activity SCIM_ACTIVITY_LOG, SCIM_ACTIVITY_RETENTION_DAYS, SCIM_ACTIVITY_MAX_ENTRIES
 * @param eventLongPoll SCIM_EVENT_LONG_POLL_SECONDS: the longest a long poll of the event feed waits
 * @param tenantRateLimit SCIM_TENANT_RATE_LIMIT: SCIM requests per second one company may make to this
 *     instance, sustained (0: no limit)
 * @param tenantRateBurst SCIM_TENANT_RATE_BURST: how many requests a company may make at once above the rate
 * @param shutdownDrain SCIM_SHUTDOWN_DRAIN_SECONDS: on SIGTERM, how long readiness answers 503 while
 *     requests are still served, so that a load balancer stops sending before the listener closes
 */
public record Settings(
        int httpPort,
        String httpHost,
        Duration httpReadTimeout,
        Duration httpIdleTimeout,
        String publicBaseUrl,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Path dataDir,
        String adminToken,
        long maxBodyBytes,
        LogFormat logFormat,
        boolean trustForwardedHeaders,
        Duration tokenCacheTtl,
        Duration dbConnectTimeout,
        Duration dbSocketTimeout,
        Duration dbStatementTimeout,
        Duration eventRetention,
        Activity activity,
        Duration eventLongPoll,
        int tenantRateLimit,
        int tenantRateBurst,
        Duration shutdownDrain) {

    /**
     * The provisioning activity log.
     *
     * @param enabled SCIM_ACTIVITY_LOG ({@code on} or {@code off}); off records nothing but tokens' last use
     * @param retentionDays SCIM_ACTIVITY_RETENTION_DAYS: entries older are purged
     * @param maxEntriesPerCompany SCIM_ACTIVITY_MAX_ENTRIES: each company keeps at most its newest
     */
    public record Activity(boolean enabled, int retentionDays, int maxEntriesPerCompany) {}

    /** How log lines are written. */
    public enum LogFormat {
        TEXT,
        JSON
    }

    public boolean isPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "Settings[host=" + httpHost + ", port=" + httpPort + ", readTimeout=" + httpReadTimeout.toSeconds()
                + "s, idleTimeout=" + httpIdleTimeout.toSeconds() + "s, publicBaseUrl=" + publicBaseUrl + ", db="
                + redactedDbUrl()
                + ", poolSize=" + dbPoolSize + ", dataDir=" + dataDir + ", adminApi="
                + (adminToken == null ? "disabled" : "enabled") + ", maxBodyBytes=" + maxBodyBytes + ", log="
                + logFormat + ", trustForwardedHeaders=" + trustForwardedHeaders + ", tokenCache="
                + tokenCacheTtl.toSeconds() + "s, dbTimeouts=connect " + dbConnectTimeout.toSeconds() + "s/statement "
                + dbStatementTimeout.toSeconds() + "s/socket " + dbSocketTimeout.toSeconds() + "s, eventRetention="
                + eventRetention.toDays() + "d, activityLog=" + (activity.enabled() ? "on" : "off") + " ("
                + activity.retentionDays() + " days, " + activity.maxEntriesPerCompany()
                + " per company), eventLongPoll="
                + eventLongPoll.toSeconds() + "s, tenantRate=" + tenantRateLimit + "/s burst " + tenantRateBurst
                + ", shutdownDrain=" + shutdownDrain.toSeconds() + "s]";
    }

    /** @return the database URL without its query string (which may carry a password). */
    public String redactedDbUrl() {
        int query = dbUrl.indexOf('?');
        return query < 0 ? dbUrl : dbUrl.substring(0, query) + "?…";
    }
}
