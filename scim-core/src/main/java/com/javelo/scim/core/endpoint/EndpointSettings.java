package com.javelo.scim.core.endpoint;

/**
 * Protocol limits: the page size used when a list request gives no {@code count}, and the largest
 * page served (advertised as {@code filter.maxResults} in ServiceProviderConfig).
 */
public record EndpointSettings(int defaultPageSize, int maxPageSize) {

    public static final EndpointSettings DEFAULTS = new EndpointSettings(100, 1000);

    public EndpointSettings {
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("need 1 <= defaultPageSize <= maxPageSize");
        }
    }
}
