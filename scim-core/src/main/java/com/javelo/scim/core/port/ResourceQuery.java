package com.javelo.scim.core.port;

import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.Optional;

/**
 * A list request as the stores see it: an optional parsed filter, an optional sort, and a page as
 * a 0-based offset and a limit ({@code limit == 0} asks for the total only). Without a sort the
 * store orders by creation then id, so pages stay stable (Okta's import relies on it).
 */
public record ResourceQuery(Filter filter, AttributePath sortBy, boolean ascending, long offset, int limit) {

    public ResourceQuery {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    public static ResourceQuery all() {
        return new ResourceQuery(null, null, true, 0, Integer.MAX_VALUE);
    }

    public static ResourceQuery filtered(Filter filter) {
        return new ResourceQuery(filter, null, true, 0, Integer.MAX_VALUE);
    }

    public Optional<Filter> filterIfAny() {
        return Optional.ofNullable(filter);
    }

    public Optional<AttributePath> sortByIfAny() {
        return Optional.ofNullable(sortBy);
    }
}
