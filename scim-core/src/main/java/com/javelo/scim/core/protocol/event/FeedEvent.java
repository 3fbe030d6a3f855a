package com.javelo.scim.core.protocol.event;

import com.javelo.scim.domain.event.DomainEvent;
import java.util.Objects;

/**
 * An event as the feed delivers it: its position (increasing in commit order), its id (stable,
 * for {@code jti} and acknowledgement), the domain event and what was recorded with it.
 */
public record FeedEvent(long position, long id, DomainEvent event, EventDetails details) {
    public FeedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(details, "details");
    }
}
