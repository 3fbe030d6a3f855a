package com.javelo.scim.core.protocol.filter;

/** Gives the PATCH path parser access to the filter grammar for value filters. */
public final class FilterFragments {

    private FilterFragments() {}

    /** @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidPath} naming the whole path */
    public static Filter valueFilter(String fragment, String wholePath) {
        return FilterParser.parseFragment(fragment, wholePath, 0);
    }
}
