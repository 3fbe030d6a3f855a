package com.javelo.scim.core.inmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.InMemoryFilterEvaluator;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.paging.SortValue;
import com.javelo.scim.core.protocol.paging.SortValues;
import com.javelo.scim.domain.resource.CaseFolding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Filters, sorts and pages resources in memory through their SCIM JSON, with the same protocol
 * rules as the SQL translation (the contract suite holds both to the same results).
 */
final class InMemoryQueries {

    private InMemoryQueries() {}

    /**
     * @param position creation then id: the default order, and the tie-break of a sort, so that a
     *     page after a position holds what the SQL stores' keyset condition holds
     */
    static <T> Page<T> run(
            List<T> candidates,
            ResourceQuery query,
            Function<T, JsonNode> render,
            Function<T, KeysetPosition> position) {
        InMemoryFilterEvaluator evaluator = FilterMatching.forUsers(query.custom());
        Comparator<Place> places = order(query);
        List<Placed<T>> placed = new ArrayList<>();
        for (T candidate : candidates) {
            JsonNode json = query.filter() == null && query.sortBy() == null ? null : render.apply(candidate);
            if (query.filter() == null || evaluator.matches(query.filter(), json)) {
                KeysetPosition at = position.apply(candidate);
                SortKey key =
                        query.sortBy() == null ? null : SortKey.of(SortValues.of(json, query.sortBy(), query.custom()));
                placed.add(new Placed<>(new Place(key, at.created(), at.id()), candidate));
            }
        }
        placed.sort(Comparator.comparing(Placed::place, places));
        int total = placed.size();
        if (query.after() != null) {
            KeysetPosition after = query.after();
            Place start = new Place(
                    query.sortBy() == null ? null : SortKey.of(after.sortValue()), after.created(), after.id());
            placed.removeIf(candidate -> places.compare(candidate.place(), start) <= 0);
        }
        long from = Math.min(query.offset(), placed.size());
        long to = Math.min(from + query.limit(), placed.size());
        return new Page<>(
                total,
                placed.subList((int) from, (int) to).stream()
                        .map(Placed::resource)
                        .toList());
    }

    /**
     * The sort value (absent values last in both directions, as the SQL stores' NULLS LAST), then
     * creation and id ascending.
     */
    private static Comparator<Place> order(ResourceQuery query) {
        Comparator<Place> byCreation = Comparator.comparing(Place::created).thenComparing(Place::id);
        if (query.sortBy() == null) {
            return byCreation;
        }
        Comparator<SortKey> direction = query.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(Place::key, Comparator.nullsLast(direction)).thenComparing(byCreation);
    }

    /** Where a resource (or a cursor's position) sits in the order; {@code key} null: no value. */
    private record Place(SortKey key, Instant created, String id) {}

    private record Placed<T>(Place place, T resource) {}

    static boolean matches(Filter filter, JsonNode resource) {
        return FilterMatching.matches(filter, resource);
    }

    /**
     * A sort value: numbers compare as numbers (a declared integer or decimal), dateTimes as the
     * instants they name (as SQL compares them, whatever offset each was sent with), text ignoring case.
     */
    private record SortKey(java.math.BigDecimal number, Instant instant, String text) implements Comparable<SortKey> {

        @Override
        public int compareTo(SortKey other) {
            if (number != null && other.number != null) {
                return number.compareTo(other.number);
            }
            if (instant != null && other.instant != null) {
                return instant.compareTo(other.instant);
            }
            return text.compareTo(other.text);
        }

        /** @return the key of a value, {@code null} for none; text ignoring case */
        static SortKey of(SortValue value) {
            if (value instanceof SortValue.Text text) {
                return new SortKey(null, null, CaseFolding.fold(text.value()));
            }
            if (value instanceof SortValue.Number number) {
                return new SortKey(number.value(), null, number.value().toString());
            }
            if (value instanceof SortValue.DateTime dateTime) {
                return new SortKey(null, dateTime.value(), dateTime.value().toString());
            }
            if (value instanceof SortValue.Bool bool) {
                return new SortKey(null, null, String.valueOf(bool.value()));
            }
            return null;
        }
    }
}
