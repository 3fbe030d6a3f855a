package com.javelo.scim.core.endpoint;

import java.time.Duration;

/**
 * Protocol limits: the page size used when a list request gives no {@code count}, the largest
 * page served (advertised as {@code filter.maxResults} and {@code pagination.maxPageSize} in
 * ServiceProviderConfig), and how long a cursor of RFC 9865 stays valid ({@code cursorTimeout}).
 */
public record EndpointSettings(int defaultPageSize, int maxPageSize, Duration cursorTimeout) {

    /** A cursor lets a client walk 100,000 users at 1,000 a page with time to spare between pages. */
    public static final Duration DEFAULT_CURSOR_TIMEOUT = Duration.ofHours(1);

    public static final EndpointSettings DEFAULTS = new EndpointSettings(100, 1000);

    public EndpointSettings {
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("need 1 <= defaultPageSize <= maxPageSize");
        }
        if (cursorTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the cursor timeout must be at least a second: " + cursorTimeout);
        }
    }

    public EndpointSettings(int defaultPageSize, int maxPageSize) {
        this(defaultPageSize, maxPageSize, DEFAULT_CURSOR_TIMEOUT);
    }
}
