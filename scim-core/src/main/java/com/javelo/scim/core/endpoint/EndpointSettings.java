package com.javelo.scim.core.endpoint;

import java.time.Duration;

/**
 * Protocol limits: the page size used when a list request gives no {@code count}, the largest
 * page served (advertised as {@code filter.maxResults} and {@code pagination.maxPageSize} in
 * ServiceProviderConfig), how long a cursor of RFC 9865 stays valid ({@code cursorTimeout}), and
 * the limits of a bulk request ({@code bulk.maxOperations}, {@code bulk.maxPayloadSize}).
 */
public record EndpointSettings(
        int defaultPageSize, int maxPageSize, Duration cursorTimeout, int bulkMaxOperations, long bulkMaxPayloadBytes) {

    /** A cursor lets a client walk 100,000 users at 1,000 a page with time to spare between pages. */
    public static final Duration DEFAULT_CURSOR_TIMEOUT = Duration.ofHours(1);
    /** A company's whole first load of a few thousand people in a handful of requests. */
    public static final int DEFAULT_BULK_MAX_OPERATIONS = 1000;
    /** The HTTP edge's default body limit (SCIM_MAX_BODY_BYTES), which bounds a bulk request anyway. */
    public static final long DEFAULT_BULK_MAX_PAYLOAD_BYTES = 1024 * 1024;

    public static final EndpointSettings DEFAULTS = new EndpointSettings(100, 1000);

    public EndpointSettings {
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("need 1 <= defaultPageSize <= maxPageSize");
        }
        if (cursorTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the cursor timeout must be at least a second: " + cursorTimeout);
        }
        if (bulkMaxOperations < 1 || bulkMaxPayloadBytes < 1) {
            throw new IllegalArgumentException("bulk limits must be positive");
        }
    }

    public EndpointSettings(int defaultPageSize, int maxPageSize) {
        this(
                defaultPageSize,
                maxPageSize,
                DEFAULT_CURSOR_TIMEOUT,
                DEFAULT_BULK_MAX_OPERATIONS,
                DEFAULT_BULK_MAX_PAYLOAD_BYTES);
    }

    /** @return these settings with the bulk payload limit set to the HTTP body limit */
    public EndpointSettings withBulkMaxPayloadBytes(long bytes) {
        return new EndpointSettings(defaultPageSize, maxPageSize, cursorTimeout, bulkMaxOperations, bytes);
    }
}
