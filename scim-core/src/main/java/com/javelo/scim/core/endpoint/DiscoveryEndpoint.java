package com.javelo.scim.core.endpoint;

import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.protocol.discovery.DiscoveryDocuments;
import com.javelo.scim.core.protocol.discovery.ServiceProviderSettings;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.domain.id.TenantId;
import java.util.List;

/** /ServiceProviderConfig, /ResourceTypes and /Schemas, generated from the schema definitions. */
public final class DiscoveryEndpoint {

    private final DiscoveryDocuments documents = DiscoveryDocuments.standard();
    private final ServiceProviderSettings settings;
    private final CustomSchemas schemas;

    public DiscoveryEndpoint(EndpointSettings endpointSettings) {
        this(endpointSettings, CustomSchemas.NONE);
    }

    public DiscoveryEndpoint(EndpointSettings endpointSettings, CustomSchemas schemas) {
        this.schemas = schemas;
        this.settings = new ServiceProviderSettings(
                endpointSettings.maxPageSize(),
                null,
                endpointSettings.defaultPageSize(),
                endpointSettings.cursorTimeout().toSeconds(),
                endpointSettings.bulkMaxOperations(),
                endpointSettings.bulkMaxPayloadBytes());
    }

    public ScimResponse serviceProviderConfig(String baseUrl) {
        return ScimResponse.ok(documents.serviceProviderConfig(trim(baseUrl), settings));
    }

    public ScimResponse resourceTypes(String baseUrl) {
        return ScimResponse.ok(documents.resourceTypes(trim(baseUrl)));
    }

    public ScimResponse resourceType(String baseUrl, String name) {
        return documents
                .resourceType(name, trim(baseUrl))
                .map(ScimResponse::ok)
                .orElseThrow(
                        () -> ScimErrors.notFound("no resource type '" + name + "'; this server has User and Group"));
    }

    public ScimResponse schemas(String baseUrl) {
        return ScimResponse.ok(documents.schemas(trim(baseUrl)));
    }

    public ScimResponse schema(String baseUrl, String urn) {
        return documents
                .schema(urn, trim(baseUrl))
                .map(ScimResponse::ok)
                .orElseThrow(() -> ScimErrors.notFound("no schema '" + urn + "'; see /Schemas for the ones served"));
    }

    /** /ResourceTypes as {@code tenant} sees it: User lists the company's extension when it declares one. */
    public ScimResponse resourceTypes(TenantId tenant, String baseUrl) {
        return ScimResponse.ok(documents(tenant).resourceTypes(trim(baseUrl)));
    }

    public ScimResponse resourceType(TenantId tenant, String baseUrl, String name) {
        return documents(tenant)
                .resourceType(name, trim(baseUrl))
                .map(ScimResponse::ok)
                .orElseThrow(
                        () -> ScimErrors.notFound("no resource type '" + name + "'; this server has User and Group"));
    }

    /** /Schemas as {@code tenant} sees it: with the company's declared extension, generated from the same catalogue. */
    public ScimResponse schemas(TenantId tenant, String baseUrl) {
        return ScimResponse.ok(documents(tenant).schemas(trim(baseUrl)));
    }

    public ScimResponse schema(TenantId tenant, String baseUrl, String urn) {
        return documents(tenant)
                .schema(urn, trim(baseUrl))
                .map(ScimResponse::ok)
                .orElseThrow(() -> ScimErrors.notFound("no schema '" + urn + "'; see /Schemas for the ones served"));
    }

    private DiscoveryDocuments documents(TenantId tenant) {
        CustomSchema custom = schemas.of(tenant);
        return custom.isEmpty() ? documents : new DiscoveryDocuments(List.of(custom.users(), ResourceSchema.GROUP));
    }

    private static String trim(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
