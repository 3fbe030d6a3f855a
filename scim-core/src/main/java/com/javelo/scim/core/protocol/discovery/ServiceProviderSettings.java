package com.javelo.scim.core.protocol.discovery;

/**
 * The deployment-specific parts of {@code /ServiceProviderConfig} (RFC 7643 §5, RFC 9865 §4);
 * everything else there is a fact about this code base.
 *
 * @param maxPageSize the largest {@code count} a list request is served, advertised as
 *     {@code filter.maxResults} and {@code pagination.maxPageSize}
 * @param documentationUri where people read about this service, or {@code null} to leave it out
 * @param defaultPageSize the page size of a list request without {@code count}
 * @param cursorTimeoutSeconds how long a cursor stays valid
 * @param bulkMaxOperations the most operations a bulk request may hold
 * @param bulkMaxPayloadSize the largest bulk request, in bytes
 */
public record ServiceProviderSettings(
        int maxPageSize,
        String documentationUri,
        int defaultPageSize,
        long cursorTimeoutSeconds,
        int bulkMaxOperations,
        long bulkMaxPayloadSize) {

    public ServiceProviderSettings {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be at least 1: " + maxPageSize);
        }
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("need 1 <= defaultPageSize <= maxPageSize: " + defaultPageSize);
        }
    }

    /**
     * @return settings without a documentation link, the default page size at most 100, cursors
     *     valid an hour, bulk requests of 1,000 operations and 1 MiB
     */
    public static ServiceProviderSettings of(int maxPageSize) {
        return new ServiceProviderSettings(maxPageSize, null, Math.min(100, maxPageSize), 3600, 1000, 1024 * 1024);
    }

    public ServiceProviderSettings withDocumentationUri(String uri) {
        return new ServiceProviderSettings(
                maxPageSize, uri, defaultPageSize, cursorTimeoutSeconds, bulkMaxOperations, bulkMaxPayloadSize);
    }
}
