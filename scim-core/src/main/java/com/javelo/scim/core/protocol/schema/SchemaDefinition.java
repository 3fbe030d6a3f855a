package com.javelo.scim.core.protocol.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM schema (RFC 7643 §7): its URN, name, description and top-level attributes.
 *
 * @param id the schema URN, e.g. {@code urn:ietf:params:scim:schemas:core:2.0:User}
 */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
    }

    /** @return the top-level attribute called {@code attributeName}, compared case-insensitively. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        // A loop, not a stream: projection and filters look attributes up for every resource.
        for (AttributeDefinition attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
