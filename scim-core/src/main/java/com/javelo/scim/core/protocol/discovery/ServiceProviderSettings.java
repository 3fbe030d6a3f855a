package com.javelo.scim.core.protocol.discovery;

/**
 * The deployment-specific parts of {@code /ServiceProviderConfig} (RFC 7643 §5); everything else
 * there is a fact about this code base.
 *
 * @param maxPageSize the largest {@code count} a list request is served, advertised as
 *     {@code filter.maxResults}
 * @param documentationUri where people read about this service, or {@code null} to leave it out
 */
public record ServiceProviderSettings(int maxPageSize, String documentationUri) {

    public ServiceProviderSettings {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be at least 1: " + maxPageSize);
        }
    }

    /** @return settings without a documentation link. */
    public static ServiceProviderSettings of(int maxPageSize) {
        return new ServiceProviderSettings(maxPageSize, null);
    }

    public ServiceProviderSettings withDocumentationUri(String uri) {
        return new ServiceProviderSettings(maxPageSize, uri);
    }
}
