package com.javelo.scim.core.port;

import java.util.List;

/** One page of a query's results and the number of results over all pages. */
public record Page<T>(long totalResults, List<T> items) {

    public Page {
        items = List.copyOf(items);
    }
}
