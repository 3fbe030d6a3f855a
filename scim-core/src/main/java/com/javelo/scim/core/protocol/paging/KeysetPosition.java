package com.javelo.scim.core.protocol.paging;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in a store's default order (creation, then id): a cursor page starts just after it.
 * Both parts are immutable, so a resource keeps its place while it is updated, and a walk by
 * position neither repeats nor skips one that existed all along (docs/architecture.md, "Cursor paging").
 */
public record KeysetPosition(Instant created, String id) {

    public KeysetPosition {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(id, "id");
    }

    /** @return whether {@code (created, id)} comes after this position in the default order */
    public boolean precedes(Instant otherCreated, String otherId) {
        int byCreation = otherCreated.compareTo(created);
        return byCreation > 0 || (byCreation == 0 && otherId.compareTo(id) > 0);
    }
}
