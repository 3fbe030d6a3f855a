package com.javelo.scim.core.protocol.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.paging.ListResponses;
import com.javelo.scim.core.protocol.schema.AttributeDefinition;
import com.javelo.scim.core.protocol.schema.AttributeType;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.core.protocol.schema.ResourceTypeDefinition;
import com.javelo.scim.core.protocol.schema.SchemaDefinition;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery endpoints' bodies (RFC 7644 §4): {@code /Schemas}, {@code /ResourceTypes} and
 * {@code /ServiceProviderConfig}, generated from the same {@link ResourceSchema}s that drive the
 * protocol, so what we advertise is what we do.
 *
 * <p>No document contains a JSON {@code null}: an absent value is left out, as Entra requires
 * ("if a value isn't present, don't send null values"). Characteristics use the RFC 7643 §7
 * spelling ({@code readWrite}, {@code dateTime}).
 *
 * <p>For example: {@code DiscoveryDocuments.standard().schemas("https://host/scim/v2")}.
 */
public final class DiscoveryDocuments {

    private static final DiscoveryDocuments STANDARD =
            new DiscoveryDocuments(List.of(ResourceSchema.USER, ResourceSchema.GROUP));

    private final List<ResourceSchema> resources;
    private final List<SchemaDefinition> schemas;

    public DiscoveryDocuments(List<ResourceSchema> resources) {
        this.resources = List.copyOf(resources);
        Map<String, SchemaDefinition> distinct = new LinkedHashMap<>();
        for (ResourceSchema resource : this.resources) {
            for (SchemaDefinition schema : resource.schemas()) {
                distinct.putIfAbsent(schema.id(), schema);
            }
        }
        this.schemas = List.copyOf(distinct.values());
    }

    /** @return the documents for Javelo's Users (with the Enterprise extension) and Groups. */
    public static DiscoveryDocuments standard() {
        return STANDARD;
    }

    /**
     * @param baseUrl the SCIM base URL without a trailing slash, e.g. {@code https://host/scim/v2}
     * @return a ListResponse with one Schema resource per schema
     */
    public ObjectNode schemas(String baseUrl) {
        List<ObjectNode> documents = new ArrayList<>();
        schemas.forEach(schema -> documents.add(schemaDocument(schema, baseUrl)));
        return ListResponses.of(documents.size(), 1, documents);
    }

    /** @return the Schema resource whose URN is {@code urn} (compared case-insensitively), if served. */
    public Optional<ObjectNode> schema(String urn, String baseUrl) {
        return schemas.stream()
                .filter(schema -> schema.id().equalsIgnoreCase(urn))
                .findFirst()
                .map(schema -> schemaDocument(schema, baseUrl));
    }

    /** @return a ListResponse with one ResourceType resource per resource type. */
    public ObjectNode resourceTypes(String baseUrl) {
        List<ObjectNode> documents = new ArrayList<>();
        resources.forEach(resource -> documents.add(resourceTypeDocument(resource.resourceType(), baseUrl)));
        return ListResponses.of(documents.size(), 1, documents);
    }

    /** @return the ResourceType resource whose id or name is {@code name}, ignoring case. */
    public Optional<ObjectNode> resourceType(String name, String baseUrl) {
        return resources.stream()
                .map(ResourceSchema::resourceType)
                .filter(type -> type.id().equalsIgnoreCase(name) || type.name().equalsIgnoreCase(name))
                .findFirst()
                .map(type -> resourceTypeDocument(type, baseUrl));
    }

    /**
     * @return the ServiceProviderConfig resource: PATCH, bulk, filtering, sorting, ETags and both
     *     pagination methods are supported; password change is not; authentication is by bearer token
     */
    public ObjectNode serviceProviderConfig(String baseUrl, ServiceProviderSettings settings) {
        ObjectNode config = object();
        config.putArray("schemas").add(ScimSchemas.SERVICE_PROVIDER_CONFIG_URN);
        if (settings.documentationUri() != null) {
            config.put("documentationUri", settings.documentationUri());
        }
        config.set("patch", supported(true));
        ObjectNode bulk = supported(true);
        bulk.put("maxOperations", settings.bulkMaxOperations());
        bulk.put("maxPayloadSize", settings.bulkMaxPayloadSize());
        config.set("bulk", bulk);
        ObjectNode filter = supported(true);
        filter.put("maxResults", settings.maxPageSize());
        config.set("filter", filter);
        config.set("changePassword", supported(false));
        config.set("sort", supported(true));
        config.set("etag", supported(true));
        // RFC 9865 §4: both methods; index stays the default, which is what Okta and Entra send.
        ObjectNode pagination = object();
        pagination.put("cursor", true);
        pagination.put("index", true);
        pagination.put("defaultPaginationMethod", "index");
        pagination.put("defaultPageSize", settings.defaultPageSize());
        pagination.put("maxPageSize", settings.maxPageSize());
        pagination.put("cursorTimeout", settings.cursorTimeoutSeconds());
        config.set("pagination", pagination);
        ObjectNode bearer = config.putArray("authenticationSchemes").addObject();
        bearer.put("type", "oauthbearertoken");
        bearer.put("name", "OAuth Bearer Token");
        bearer.put(
                "description",
                "Authentication with the tenant's API token, sent as an OAuth 2.0 bearer"
                        + " token in the Authorization header.");
        bearer.put("specUri", "https://www.rfc-editor.org/info/rfc6750");
        bearer.put("primary", true);
        config.set("meta", meta("ServiceProviderConfig", trim(baseUrl) + "/ServiceProviderConfig"));
        return config;
    }

    private static ObjectNode schemaDocument(SchemaDefinition schema, String baseUrl) {
        ObjectNode document = object();
        document.putArray("schemas").add(ScimSchemas.SCHEMA_URN);
        document.put("id", schema.id());
        document.put("name", schema.name());
        document.put("description", schema.description());
        ArrayNode attributes = document.putArray("attributes");
        schema.attributes().forEach(attribute -> attributes.add(attributeDocument(attribute)));
        document.set("meta", meta("Schema", trim(baseUrl) + "/Schemas/" + schema.id()));
        return document;
    }

    /** RFC 7643 §7: the characteristics of one attribute, recursively for sub-attributes. */
    private static ObjectNode attributeDocument(AttributeDefinition attribute) {
        ObjectNode document = object();
        document.put("name", attribute.name());
        document.put("type", attribute.type().wireValue());
        document.put("multiValued", attribute.multiValued());
        document.put("description", attribute.publishedDescription());
        document.put("required", attribute.required());
        document.put("caseExact", attribute.caseExact());
        if (!attribute.canonicalValues().isEmpty()) {
            ArrayNode values = document.putArray("canonicalValues");
            attribute.canonicalValues().forEach(values::add);
        }
        if (attribute.type() == AttributeType.REFERENCE
                && !attribute.referenceTypes().isEmpty()) {
            ArrayNode types = document.putArray("referenceTypes");
            attribute.referenceTypes().forEach(types::add);
        }
        document.put("mutability", attribute.mutability().wireValue());
        document.put("returned", attribute.returned().wireValue());
        document.put("uniqueness", attribute.uniqueness().wireValue());
        if (attribute.isComplex()) {
            ArrayNode subAttributes = document.putArray("subAttributes");
            attribute.subAttributes().forEach(sub -> subAttributes.add(attributeDocument(sub)));
        }
        return document;
    }

    private static ObjectNode resourceTypeDocument(ResourceTypeDefinition type, String baseUrl) {
        ObjectNode document = object();
        document.putArray("schemas").add(ScimSchemas.RESOURCE_TYPE_URN);
        document.put("id", type.id());
        document.put("name", type.name());
        document.put("endpoint", type.endpoint());
        document.put("description", type.description());
        document.put("schema", type.schema());
        if (!type.schemaExtensions().isEmpty()) {
            ArrayNode extensions = document.putArray("schemaExtensions");
            type.schemaExtensions().forEach(extension -> {
                ObjectNode entry = extensions.addObject();
                entry.put("schema", extension.urn());
                entry.put("required", extension.required());
            });
        }
        document.set("meta", meta("ResourceType", trim(baseUrl) + "/ResourceTypes/" + type.id()));
        return document;
    }

    private static ObjectNode supported(boolean supported) {
        ObjectNode feature = object();
        feature.put("supported", supported);
        return feature;
    }

    private static ObjectNode meta(String resourceType, String location) {
        ObjectNode meta = object();
        meta.put("resourceType", resourceType);
        meta.put("location", location);
        return meta;
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Tolerates a trailing slash so that locations never contain {@code //}. */
    private static String trim(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }
}
