package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.EventConsumer;
import com.javelo.scim.core.port.EventFeed;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.protocol.event.FeedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The event feed kept in memory: writes hold the state's lock, so insertion order is commit order. */
final class InMemoryEventFeed implements EventFeed {

    /** A consumer's progress: everything up to {@code position} acknowledged, plus {@code beyond}. */
    private static final class Progress {
        final EventConsumer registered;
        final TokenHash tokenHash;
        long position;
        long expired;
        final Set<Long> beyond = new HashSet<>();

        Progress(EventConsumer registered, TokenHash tokenHash) {
            this.registered = registered;
            this.tokenHash = tokenHash;
        }

        EventConsumer view() {
            return new EventConsumer(
                    registered.id(), registered.name(), registered.scope(), registered.createdAt(), position, expired);
        }

        boolean acknowledged(FeedEvent event) {
            return event.position() <= position || beyond.contains(event.id());
        }
    }

    private final InMemoryState state;
    private final Map<String, Progress> consumers = new LinkedHashMap<>();

    InMemoryEventFeed(InMemoryState state) {
        this.state = state;
    }

    @Override
    public List<FeedEvent> readAfter(TenantScope scope, long position, int limit) {
        return state.atomically(() -> state.events.stream()
                .filter(event -> event.position() > position
                        && scope.includes(event.event().tenantId()))
                .limit(limit)
                .toList());
    }

    @Override
    public EventConsumer register(String name, TenantScope scope, TokenHash tokenHash, Instant now) {
        EventConsumer consumer = new EventConsumer(UUID.randomUUID().toString(), name, scope, now, 0, 0);
        state.atomically(() -> consumers.put(consumer.id(), new Progress(consumer, tokenHash)));
        return consumer;
    }

    @Override
    public Optional<EventConsumer> findConsumer(TokenHash tokenHash) {
        return state.atomically(() -> consumers.values().stream()
                .filter(progress -> progress.tokenHash.sameAs(tokenHash))
                .findFirst()
                .map(Progress::view));
    }

    @Override
    public List<EventConsumer> consumers() {
        return state.atomically(
                () -> consumers.values().stream().map(Progress::view).toList());
    }

    @Override
    public boolean revoke(String consumerId) {
        return state.atomically(() -> consumers.remove(consumerId) != null);
    }

    @Override
    public List<FeedEvent> unacknowledged(EventConsumer consumer, int limit) {
        return state.atomically(() -> {
            Progress progress = consumers.get(consumer.id());
            if (progress == null) {
                return List.<FeedEvent>of();
            }
            return state.events.stream()
                    .filter(event ->
                            consumer.scope().includes(event.event().tenantId()) && !progress.acknowledged(event))
                    .limit(limit)
                    .toList();
        });
    }

    @Override
    public void acknowledge(EventConsumer consumer, Collection<Long> eventIds) {
        state.atomically(() -> {
            Progress progress = consumers.get(consumer.id());
            if (progress == null) {
                return;
            }
            Set<Long> wanted = new HashSet<>(eventIds);
            List<FeedEvent> inScope = state.events.stream()
                    .filter(event -> consumer.scope().includes(event.event().tenantId()))
                    .toList();
            inScope.stream()
                    .filter(event -> wanted.contains(event.id()) && !progress.acknowledged(event))
                    .forEach(event -> progress.beyond.add(event.id()));
            for (FeedEvent event : inScope) {
                if (!progress.acknowledged(event)) {
                    break;
                }
                progress.position = Math.max(progress.position, event.position());
            }
            progress.beyond.removeIf(id -> id <= progress.position);
        });
    }

    @Override
    public long purgeOccurredBefore(Instant cutoff) {
        return state.atomically(() -> {
            List<FeedEvent> expired = new ArrayList<>();
            state.events.stream()
                    .filter(event -> event.event().occurredAt().isBefore(cutoff))
                    .forEach(expired::add);
            long lost = 0;
            for (Progress progress : consumers.values()) {
                long unacknowledged = expired.stream()
                        .filter(event -> progress.registered
                                        .scope()
                                        .includes(event.event().tenantId())
                                && !progress.acknowledged(event))
                        .count();
                progress.expired += unacknowledged;
                lost += unacknowledged;
            }
            state.events.removeAll(expired);
            return lost;
        });
    }
}
