package com.javelo.scim.core.port;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** One page of a query's results and the number of results over all pages. */
public record Page<T>(long totalResults, List<T> items) {

    public Page {
        items = List.copyOf(items);
    }

    /** @return the same page, each item mapped (the total is unchanged) */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(totalResults, items.stream().<R>map(mapper).toList());
    }

    /**
     * Reads a page for a store that fetches and counts separately, counting only when the page
     * cannot tell the total: a page that is not full and not past the end ends the results, so
     * a lookup by userName (one result or none) costs one query, not two. A page after a keyset
     * position cannot tell how many came before it, so it always counts.
     */
    public static <T> Page<T> read(ResourceQuery query, Supplier<List<T>> fetchPage, LongSupplier countAll) {
        if (query.limit() == 0) {
            return new Page<>(countAll.getAsLong(), List.of());
        }
        List<T> items = fetchPage.get();
        if (query.after() == null && items.size() < query.limit() && (query.offset() == 0 || !items.isEmpty())) {
            return new Page<>(query.offset() + items.size(), items);
        }
        return new Page<>(countAll.getAsLong(), items);
    }
}
