package com.javelo.scim.core.examples;

import com.javelo.scim.core.port.EventFeed;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.protocol.event.FeedEvent;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The README's "Consuming events" example for a service that embeds scim-core: it reads the feed
 * after the last position it handled (which it would keep in its own database, in the transaction
 * of its own change) and reacts to deactivations. With the jOOQ adapter the feed is
 * {@code JooqPersistence.eventFeed()}, and a started {@code eventSequencer(…)} gives the positions.
 */
public final class EmbeddedEventFeedExample {

    private final EventFeed feed;
    private final TenantScope tenants;
    private long position;
    private final List<UserId> revokedSessions = new ArrayList<>();

    public EmbeddedEventFeedExample(EventFeed feed, TenantId tenant) {
        this.feed = feed;
        this.tenants = TenantScope.of(Set.of(tenant));
    }

    /** Handles what happened since the last call; @return how many events were handled. */
    public int catchUp() {
        List<FeedEvent> events = feed.readAfter(tenants, position, 100);
        for (FeedEvent event : events) {
            if (event.event() instanceof DomainEvent.UserDeactivated deactivated) {
                revokedSessions.add(deactivated.userId());
            }
            position = event.position();
        }
        return events.size();
    }

    public List<UserId> revokedSessions() {
        return List.copyOf(revokedSessions);
    }
}
