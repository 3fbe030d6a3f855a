package com.javelo.scim.domain.resource;

import com.javelo.scim.domain.event.DomainEvent;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a command on an aggregate: its new state and the events to record with it. A
 * change without events is a no-op: the version did not move and nothing needs storing.
 */
public record Change<T>(T after, List<DomainEvent> events) {

    public Change {
        Objects.requireNonNull(after, "after");
        events = List.copyOf(events);
    }

    public static <T> Change<T> none(T unchanged) {
        return new Change<>(unchanged, List.of());
    }

    public boolean isNoOp() {
        return events.isEmpty();
    }
}
