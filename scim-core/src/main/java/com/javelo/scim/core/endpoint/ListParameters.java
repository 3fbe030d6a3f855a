package com.javelo.scim.core.endpoint;

/**
 * The query parameters of a list or search request (RFC 7644 §3.4.2, and RFC 9865's
 * {@code cursor}), as received; any may be {@code null}. A {@code cursor} that is present but
 * empty asks for the first page of cursor paging. Parsing and validation happen in the endpoint, once.
 */
public record ListParameters(
        String filter,
        String startIndex,
        String count,
        String sortBy,
        String sortOrder,
        String attributes,
        String excludedAttributes,
        String cursor) {

    /** Parameters of index paging (no {@code cursor}). */
    public ListParameters(
            String filter,
            String startIndex,
            String count,
            String sortBy,
            String sortOrder,
            String attributes,
            String excludedAttributes) {
        this(filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes, null);
    }

    public static ListParameters none() {
        return new ListParameters(null, null, null, null, null, null, null, null);
    }

    public boolean cursorPaging() {
        return cursor != null;
    }
}
