package com.javelo.scim.core.protocol.paging;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in a list's order: a cursor page starts just after it. Unsorted, the order is the
 * store's default (creation, then id); sorted, it is the sort value first ({@link #sortValue},
 * absent values last in both directions), then creation and id ascending as the tie-break, the
 * order index paging gives the same sort. {@code created} and {@code id} are immutable, so a
 * resource keeps its place while it is updated (in a sorted walk: unless its sort value changes),
 * and a walk by position neither repeats nor skips one that existed all along
 * (docs/architecture.md, "Cursor paging").
 *
 * @param sortValue the sort value of the resource at this place; {@code null} for the default order
 */
public record KeysetPosition(SortValue sortValue, Instant created, String id) {

    public KeysetPosition {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(id, "id");
    }

    /** A place in the default order. */
    public KeysetPosition(Instant created, String id) {
        this(null, created, id);
    }

    public boolean sorted() {
        return sortValue != null;
    }
}
