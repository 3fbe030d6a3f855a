package com.javelo.scim.core.endpoint;

/** /ServiceProviderConfig, /ResourceTypes and /Schemas, generated from the schema definitions. */
public final class DiscoveryEndpoint {

    public ScimResponse serviceProviderConfig(String baseUrl) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse resourceTypes(String baseUrl) {
        throw new UnsupportedOperationException("being written");
    }

    /** @return 404 SCIM error as an exception when unknown */
    public ScimResponse resourceType(String baseUrl, String name) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse schemas(String baseUrl) {
        throw new UnsupportedOperationException("being written");
    }

    public ScimResponse schema(String baseUrl, String urn) {
        throw new UnsupportedOperationException("being written");
    }
}
