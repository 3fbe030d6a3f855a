package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.domain.resource.Version;
import java.util.Optional;

/**
 * A protocol-level answer the HTTP adapter only has to transcribe: status, body (absent for 204),
 * the resource version (for the {@code ETag} header) and its location (for {@code Location}).
 */
public record ScimResponse(int status, JsonNode body, Version version, String location) {

    public static ScimResponse ok(JsonNode body) {
        return new ScimResponse(200, body, null, null);
    }

    public static ScimResponse noContent() {
        return new ScimResponse(204, null, null, null);
    }

    public Optional<JsonNode> bodyIfAny() {
        return Optional.ofNullable(body);
    }

    public Optional<Version> versionIfAny() {
        return Optional.ofNullable(version);
    }

    public Optional<String> locationIfAny() {
        return Optional.ofNullable(location);
    }
}
