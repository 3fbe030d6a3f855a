package com.javelo.scim.core.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One attribute of a resource's SCIM representation that a change modified, e.g. path
 * {@code name.givenName}, old {@code "Ada"}, new {@code "Adele"}. A missing value is JSON null.
 */
public record AttributeChange(String path, JsonNode oldValue, JsonNode newValue) {
    public AttributeChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
    }
}
