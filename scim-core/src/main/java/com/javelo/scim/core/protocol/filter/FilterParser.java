package com.javelo.scim.core.protocol.filter;

/** Parses SCIM filter strings (RFC 7644 §3.4.2.2) into a {@link Filter} tree. */
public final class FilterParser {

    private FilterParser() {}

    /** @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidFilter} when malformed */
    public static Filter parse(String filter) {
        throw new UnsupportedOperationException("being written on branch 'filter'");
    }
}
