package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.error.UserNameAlreadyTaken;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.CarriedAttributes;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserName;
import com.javelo.scim.domain.user.UserProfile;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Users kept in memory: for tests and for services that embed the core without a database. */
public final class InMemoryUsers implements Users {

    private static final Comparator<User> CREATION_ORDER = Comparator.comparing(
                    (User user) -> user.meta().created())
            .thenComparing(user -> user.id().value());

    private final InMemoryState state;

    InMemoryUsers(InMemoryState state) {
        this.state = state;
    }

    @Override
    public Optional<User> findById(TenantId tenant, UserId id) {
        return state.atomically(() -> Optional.ofNullable(state.users.get(new InMemoryState.Key<>(tenant, id))));
    }

    @Override
    public Optional<UserWithGroups> findByIdWithGroups(TenantId tenant, UserId id) {
        return state.atomically(() -> findById(tenant, id)
                .map(user -> new UserWithGroups(user, new InMemoryGroups(state).groupsOf(tenant, user.id()))));
    }

    @Override
    public Optional<User> findByUserName(TenantId tenant, String userName) {
        String key = UserName.normalize(userName);
        return state.atomically(() -> tenantUsers(tenant).stream()
                .filter(user -> user.userName().key().equals(key))
                .findFirst());
    }

    @Override
    public List<User> findByEmail(TenantId tenant, String email) {
        String key = UserName.normalize(email);
        return state.atomically(() -> tenantUsers(tenant).stream()
                .filter(user -> user.profile().emailValues().stream()
                        .anyMatch(e -> UserName.normalize(e).equals(key)))
                .sorted(CREATION_ORDER)
                .toList());
    }

    @Override
    public List<User> findPendingManagerReferences(TenantId tenant, Collection<String> keys) {
        Set<String> lowered = keys.stream().map(UserName::normalize).collect(Collectors.toSet());
        return state.atomically(() -> tenantUsers(tenant).stream()
                .filter(user -> user.manager()
                        .filter(manager -> manager.isPending() && lowered.contains(UserName.normalize(manager.value())))
                        .isPresent())
                .sorted(CREATION_ORDER)
                .toList());
    }

    @Override
    public List<User> findReportsOf(TenantId tenant, UserId manager) {
        return state.atomically(() -> tenantUsers(tenant).stream()
                .filter(user -> user.manager()
                        .map(reference -> manager.equals(reference.resolvedId()))
                        .orElse(false))
                .sorted(CREATION_ORDER)
                .toList());
    }

    @Override
    public Page<User> query(TenantId tenant, ResourceQuery query) {
        return state.atomically(() -> InMemoryQueries.run(
                tenantUsers(tenant),
                query,
                user -> UserJson.write(user, List.of(), "", query.custom()),
                user -> new KeysetPosition(user.meta().created(), user.id().value())));
    }

    @Override
    public Page<UserWithGroups> queryWithGroups(TenantId tenant, ResourceQuery query) {
        return state.atomically(() -> {
            Page<User> page = query(tenant, query);
            Map<UserId, List<GroupMembership>> groups = new InMemoryGroups(state)
                    .groupsOf(tenant, page.items().stream().map(User::id).toList());
            return page.map(user -> new UserWithGroups(user, groups.getOrDefault(user.id(), List.of())));
        });
    }

    @Override
    public Set<UserId> missing(TenantId tenant, Set<UserId> ids) {
        return state.atomically(() -> ids.stream()
                .filter(id -> !state.users.containsKey(new InMemoryState.Key<>(tenant, id)))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public void reviseCarrying(TenantId tenant, String urn, UnaryOperator<UserProfile> revision) {
        String marker = "\"" + urn.toLowerCase(Locale.ROOT) + "\"";
        state.atomically(() -> {
            for (Map.Entry<InMemoryState.Key<UserId>, User> entry : state.users.entrySet()) {
                User user = entry.getValue();
                CarriedAttributes carried = user.profile().carried();
                if (!user.tenantId().equals(tenant)
                        || carried.isEmpty()
                        || !carried.json().toLowerCase(Locale.ROOT).contains(marker)) {
                    continue;
                }
                UserProfile revised = revision.apply(user.profile());
                if (!revised.equals(user.profile())) {
                    entry.setValue(User.reconstitute(
                            tenant,
                            user.id(),
                            revised,
                            user.active(),
                            user.manager().orElse(null),
                            user.origin(),
                            user.meta()));
                }
            }
        });
    }

    @Override
    public void insert(User user, List<DomainEvent> events, EventDetails details) {
        state.atomically(() -> {
            requireUniqueUserName(user);
            state.users.put(new InMemoryState.Key<>(user.tenantId(), user.id()), user);
            state.record(events, details);
        });
    }

    @Override
    public void update(User current, User changed, List<DomainEvent> events, EventDetails details) {
        state.atomically(() -> {
            User stored =
                    requireCurrent(changed, ExpectedVersion.of(current.meta().version()));
            if (!stored.userName().equals(changed.userName())) {
                requireUniqueUserName(changed);
            }
            state.users.put(new InMemoryState.Key<>(changed.tenantId(), changed.id()), changed);
            state.record(events, details);
        });
    }

    @Override
    public void delete(User user, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
        state.atomically(() -> {
            requireCurrent(user, expected);
            state.users.remove(new InMemoryState.Key<>(user.tenantId(), user.id()));
            state.memberships.forEach((group, members) -> {
                if (group.tenant().equals(user.tenantId())) {
                    members.remove(user.id());
                }
            });
            state.tombstones.add(new InMemoryState.Tombstone(
                    user,
                    events.isEmpty()
                            ? user.meta().lastModified()
                            : events.get(0).occurredAt()));
            state.record(events, details);
        });
    }

    private User requireCurrent(User user, ExpectedVersion expected) {
        User current = state.users.get(new InMemoryState.Key<>(user.tenantId(), user.id()));
        if (current == null) {
            throw new UnknownUser(user.id().value());
        }
        expected.check(user.id().value(), current.meta().version());
        return current;
    }

    private void requireUniqueUserName(User user) {
        boolean taken = tenantUsers(user.tenantId()).stream()
                .anyMatch(other ->
                        !other.id().equals(user.id()) && other.userName().equals(user.userName()));
        if (taken) {
            throw new UserNameAlreadyTaken(user.userName().value());
        }
    }

    private List<User> tenantUsers(TenantId tenant) {
        return state.users.values().stream()
                .filter(user -> user.tenantId().equals(tenant))
                .toList();
    }
}
