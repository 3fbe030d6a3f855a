package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one Jackson configuration for SCIM JSON: strict on duplicate keys (which member would win is
 * the parser's choice, not the client's, so neither does), bounded nesting and number length.
 */
public final class ScimJson {

    /** Deep enough for any SCIM resource, shallow enough that hostile input cannot exhaust the stack. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** No SCIM attribute holds a number anywhere near this long; Jackson's own default, made explicit. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build());
    }

    private ScimJson() {}

    /**
     * @return which of the reader's limits a document broke, in the client's terms (Jackson reports
     *     every limit with the same exception type; its message says which one)
     */
    public static String describe(StreamConstraintsException exception) {
        String message = String.valueOf(exception.getOriginalMessage());
        if (message.startsWith("Number value length")) {
            return "a number in the request body is longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        if (message.startsWith("Document nesting depth")) {
            return "the request body nests deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.startsWith("Name length")) {
            return "an attribute name in the request body is too long";
        }
        return "the request body exceeds a limit of the JSON reader: " + message;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }
}
