package com.javelo.scim.core.port;

import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import java.util.Optional;

/**
 * A list request as the stores see it: an optional parsed filter, an optional sort, and a page as
 * a 0-based offset and a limit ({@code limit == 0} asks for the total only). Without a sort the
 * store orders by creation then id, so pages stay stable (Okta's import relies on it).
 *
 * <p>A cursor page (RFC 9865) gives {@code after} instead of an offset: the page holds the
 * resources after that position in the query's order, found by a keyset condition rather than by
 * skipping rows. Unsorted, that is the index on {@code (tenant, created, id)}, so a page's cost
 * does not grow with its depth; sorted, the position holds the last resource's sort value too and
 * the condition is (sort value, then creation and id), the same expression as the order. The
 * total still counts every resource matching the filter.
 */
public record ResourceQuery(
        Filter filter,
        AttributePath sortBy,
        boolean ascending,
        long offset,
        int limit,
        KeysetPosition after,
        CustomSchema custom) {

    public ResourceQuery {
        custom = custom == null ? CustomSchema.NONE : custom;
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if (after != null && (offset != 0 || after.sorted() != (sortBy != null))) {
            throw new IllegalArgumentException(
                    "a page after a position starts there, and a sorted page after a position of that sort");
        }
    }

    /** A query of a company that declares no custom attribute. */
    public ResourceQuery(
            Filter filter, AttributePath sortBy, boolean ascending, long offset, int limit, KeysetPosition after) {
        this(filter, sortBy, ascending, offset, limit, after, CustomSchema.NONE);
    }

    /**
     * @return this query for a company with {@code schema}: its filter and sort may name the
     *     declared attributes, which the store compares by their declared type
     */
    public ResourceQuery withCustom(Filter checkedFilter, AttributePath checkedSort, CustomSchema schema) {
        return new ResourceQuery(checkedFilter, checkedSort, ascending, offset, limit, after, schema);
    }

    /** An index page (or the first page, without a position). */
    public ResourceQuery(Filter filter, AttributePath sortBy, boolean ascending, long offset, int limit) {
        this(filter, sortBy, ascending, offset, limit, null);
    }

    public static ResourceQuery all() {
        return new ResourceQuery(null, null, true, 0, Integer.MAX_VALUE);
    }

    public static ResourceQuery filtered(Filter filter) {
        return new ResourceQuery(filter, null, true, 0, Integer.MAX_VALUE);
    }

    /** A page of {@code limit} resources matching {@code filter} after {@code after} (none: from the start). */
    public static ResourceQuery keyset(Filter filter, KeysetPosition after, int limit) {
        return new ResourceQuery(filter, null, true, 0, limit, after);
    }

    /** Like {@link #keyset(Filter, KeysetPosition, int)}, in the order of a sort (none: the default order). */
    public static ResourceQuery keyset(
            Filter filter, AttributePath sortBy, boolean ascending, KeysetPosition after, int limit) {
        return new ResourceQuery(filter, sortBy, ascending, 0, limit, after);
    }

    public Optional<Filter> filterIfAny() {
        return Optional.ofNullable(filter);
    }

    public Optional<AttributePath> sortByIfAny() {
        return Optional.ofNullable(sortBy);
    }

    public Optional<KeysetPosition> afterIfAny() {
        return Optional.ofNullable(after);
    }
}
