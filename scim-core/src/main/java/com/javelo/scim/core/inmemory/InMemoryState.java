package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.event.FeedEvent;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.tenant.Tenant;
import com.javelo.scim.domain.user.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The shared state of the in-memory adapters, guarded by one lock: simple, obviously thread-safe,
 * and transactional — a unit of work snapshots the state and restores it if the work fails.
 */
final class InMemoryState implements UnitOfWork {

    record Key<I>(TenantId tenant, I id) {}

    record Credential(
            ApiTokens.Purpose purpose,
            TenantId tenant,
            TokenHash hash,
            java.time.Instant issuedAt,
            boolean revoked,
            java.time.Instant lastUsedAt,
            String lastClient) {

        Credential asRevoked() {
            return new Credential(purpose, tenant, hash, issuedAt, true, lastUsedAt, lastClient);
        }

        Credential usedAt(java.time.Instant at, String client) {
            return new Credential(purpose, tenant, hash, issuedAt, revoked, at, client);
        }
    }

    record Tombstone(User user, java.time.Instant deletedAt) {}

    private final ReentrantLock lock = new ReentrantLock();

    Map<TenantId, Tenant> tenants = new LinkedHashMap<>();
    List<Credential> credentials = new ArrayList<>();
    Map<Key<UserId>, User> users = new LinkedHashMap<>();
    List<Tombstone> tombstones = new ArrayList<>();
    Map<Key<GroupId>, Group> groups = new LinkedHashMap<>();
    Map<Key<GroupId>, LinkedHashSet<UserId>> memberships = new HashMap<>();
    Map<Key<GroupId>, Map<UserId, String>> memberLabels = new HashMap<>();
    /** In commit order (a write holds the lock): an event's id is also its position. */
    List<FeedEvent> events = new ArrayList<>();

    private long lastEventId;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            Snapshot snapshot = new Snapshot(this);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                snapshot.restore(this);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Records a write's events; called under the lock. */
    void record(List<DomainEvent> written, EventDetails details) {
        for (DomainEvent event : written) {
            lastEventId++;
            events.add(new FeedEvent(lastEventId, lastEventId, event, details));
        }
    }

    /** Runs one store operation atomically (joining a surrounding unit of work). */
    <T> T atomically(Supplier<T> work) {
        return inTransaction(work);
    }

    void atomically(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static final class Snapshot {
        private final Map<TenantId, Tenant> tenants;
        private final List<Credential> credentials;
        private final Map<Key<UserId>, User> users;
        private final List<Tombstone> tombstones;
        private final Map<Key<GroupId>, Group> groups;
        private final Map<Key<GroupId>, LinkedHashSet<UserId>> memberships;
        private final Map<Key<GroupId>, Map<UserId, String>> memberLabels;
        private final int eventCount;

        Snapshot(InMemoryState state) {
            tenants = new LinkedHashMap<>(state.tenants);
            credentials = new ArrayList<>(state.credentials);
            users = new LinkedHashMap<>(state.users);
            tombstones = new ArrayList<>(state.tombstones);
            groups = new LinkedHashMap<>(state.groups);
            memberships = new HashMap<>();
            state.memberships.forEach((key, members) -> memberships.put(key, new LinkedHashSet<>(members)));
            memberLabels = new HashMap<>();
            state.memberLabels.forEach((key, labels) -> memberLabels.put(key, new HashMap<>(labels)));
            eventCount = state.events.size();
        }

        void restore(InMemoryState state) {
            state.tenants = tenants;
            state.credentials = credentials;
            state.users = users;
            state.tombstones = tombstones;
            state.groups = groups;
            state.memberships = memberships;
            state.memberLabels = memberLabels;
            state.events = new ArrayList<>(state.events.subList(0, eventCount));
        }
    }
}
