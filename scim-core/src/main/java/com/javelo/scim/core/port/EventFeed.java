package com.javelo.scim.core.port;

import com.javelo.scim.core.protocol.event.FeedEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The events, in commit order, for services that react to changes: read after a position
 * (library embedding), or through a registered consumer whose acknowledgements the feed keeps
 * (RFC 8936 polling). Delivery is at least once: what a consumer has not acknowledged it reads
 * again. For example:
 *
 * <pre>{@code
 * long position = 0;
 * for (FeedEvent event : feed.readAfter(TenantScope.of(Set.of(acme)), position, 100)) {
 *     handle(event);
 *     position = event.position();
 * }
 * }</pre>
 *
 * <p>Positions are given in the order transactions became visible, so a reader that remembers the
 * last position it handled never skips an event whose transaction committed late.
 */
public interface EventFeed {

    /** @return up to {@code limit} events of the scope with a position after {@code position}, oldest first */
    List<FeedEvent> readAfter(TenantScope scope, long position, int limit);

    /** Registers a consumer; @return it, with position 0 (it reads from the oldest event kept). */
    EventConsumer register(String name, TenantScope scope, TokenHash tokenHash, Instant now);

    Optional<EventConsumer> findConsumer(TokenHash tokenHash);

    /** @return the consumers not revoked, oldest first */
    List<EventConsumer> consumers();

    /** @return whether a consumer was revoked (its token stops working) */
    boolean revoke(String consumerId);

    /** @return up to {@code limit} events of the consumer's scope it has not acknowledged, oldest first */
    List<FeedEvent> unacknowledged(EventConsumer consumer, int limit);

    /** Acknowledges events by id (unknown ids, or ids out of the consumer's scope, are ignored). */
    void acknowledge(EventConsumer consumer, Collection<Long> eventIds);

    /**
     * Deletes the events that occurred before {@code cutoff}; those a consumer had not acknowledged
     * are counted in its {@link EventConsumer#expiredUnacknowledged}.
     *
     * @return how many unacknowledged events were purged (across consumers)
     */
    long purgeOccurredBefore(Instant cutoff);
}
