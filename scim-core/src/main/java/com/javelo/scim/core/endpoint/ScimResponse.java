package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A protocol-level answer the HTTP adapter only has to transcribe: status, body (absent for 204),
 * the resource's entity tag (for the {@code ETag} header, see {@code EntityTags}) and its location
 * (for {@code Location}).
 */
public record ScimResponse(int status, JsonNode body, String entityTag, String location) {

    public static ScimResponse ok(JsonNode body) {
        return new ScimResponse(200, body, null, null);
    }

    public static ScimResponse noContent() {
        return new ScimResponse(204, null, null, null);
    }

    public Optional<JsonNode> bodyIfAny() {
        return Optional.ofNullable(body);
    }

    public Optional<String> entityTagIfAny() {
        return Optional.ofNullable(entityTag);
    }

    public Optional<String> locationIfAny() {
        return Optional.ofNullable(location);
    }
}
