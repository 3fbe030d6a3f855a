package com.javelo.scim.core.endpoint;

/**
 * The query parameters of a list or search request (RFC 7644 §3.4.2), as received; any may be
 * {@code null}. Parsing and validation happen in the endpoint, once.
 */
public record ListParameters(
        String filter,
        String startIndex,
        String count,
        String sortBy,
        String sortOrder,
        String attributes,
        String excludedAttributes) {

    public static ListParameters none() {
        return new ListParameters(null, null, null, null, null, null, null);
    }
}
