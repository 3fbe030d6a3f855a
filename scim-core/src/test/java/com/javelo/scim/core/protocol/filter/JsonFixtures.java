package com.javelo.scim.core.protocol.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Reads JSON literals written in tests; single quotes are allowed to keep bodies readable. */
public final class JsonFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFixtures() {}

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }
}
