package com.javelo.scim.core.protocol.schema;

import java.util.List;
import java.util.Objects;

/**
 * A SCIM resource type (RFC 7643 §6): where it lives and which schemas describe it.
 *
 * @param endpoint relative to the base URL, e.g. {@code /Users}
 * @param schema the core schema URN
 */
public record ResourceTypeDefinition(
        String id,
        String name,
        String endpoint,
        String description,
        String schema,
        List<SchemaExtension> schemaExtensions) {

    public ResourceTypeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        schemaExtensions = List.copyOf(schemaExtensions);
    }

    /**
     * An extension schema a resource type accepts.
     *
     * @param urn the extension schema URN
     * @param required whether every resource of the type must carry the extension
     */
    public record SchemaExtension(String urn, boolean required) {

        public SchemaExtension {
            Objects.requireNonNull(urn, "urn");
        }
    }
}
