package com.javelo.scim.core.endpoint;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.discovery.DiscoveryDocuments;
import com.javelo.scim.core.protocol.discovery.ServiceProviderSettings;

/** /ServiceProviderConfig, /ResourceTypes and /Schemas, generated from the schema definitions. */
public final class DiscoveryEndpoint {

    private final DiscoveryDocuments documents = DiscoveryDocuments.standard();
    private final ServiceProviderSettings settings;

    public DiscoveryEndpoint(EndpointSettings endpointSettings) {
        this.settings = new ServiceProviderSettings(endpointSettings.maxPageSize(), null,
                endpointSettings.defaultPageSize(), endpointSettings.cursorTimeout().toSeconds(),
                endpointSettings.bulkMaxOperations(), endpointSettings.bulkMaxPayloadBytes());
    }

    public ScimResponse serviceProviderConfig(String baseUrl) {
        return ScimResponse.ok(documents.serviceProviderConfig(trim(baseUrl), settings));
    }

    public ScimResponse resourceTypes(String baseUrl) {
        return ScimResponse.ok(documents.resourceTypes(trim(baseUrl)));
    }

    public ScimResponse resourceType(String baseUrl, String name) {
        return documents.resourceType(name, trim(baseUrl))
                .map(ScimResponse::ok)
                .orElseThrow(() -> ScimErrors.notFound("no resource type '" + name + "'; this server has User and Group"));
    }

    public ScimResponse schemas(String baseUrl) {
        return ScimResponse.ok(documents.schemas(trim(baseUrl)));
    }

    public ScimResponse schema(String baseUrl, String urn) {
        return documents.schema(urn, trim(baseUrl))
                .map(ScimResponse::ok)
                .orElseThrow(() -> ScimErrors.notFound("no schema '" + urn + "'; see /Schemas for the ones served"));
    }

    private static String trim(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
