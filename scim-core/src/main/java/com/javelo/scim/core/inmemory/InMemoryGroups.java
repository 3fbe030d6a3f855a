package com.javelo.scim.core.inmemory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.MembershipOutcome;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.ScimJson;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.group.Member;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Groups and memberships kept in memory. */
public final class InMemoryGroups implements Groups {

    private static final Comparator<Group> CREATION_ORDER = Comparator.comparing(
                    (Group group) -> group.meta().created())
            .thenComparing(group -> group.id().value());

    private final InMemoryState state;

    InMemoryGroups(InMemoryState state) {
        this.state = state;
    }

    @Override
    public Optional<Group> findById(TenantId tenant, GroupId id) {
        return state.atomically(() -> Optional.ofNullable(state.groups.get(new InMemoryState.Key<>(tenant, id))));
    }

    @Override
    public Page<Group> query(TenantId tenant, ResourceQuery query) {
        return state.atomically(() -> {
            List<Group> candidates = state.groups.values().stream()
                    .filter(group -> group.tenantId().equals(tenant))
                    .toList();
            return InMemoryQueries.run(
                    candidates,
                    query,
                    this::filterView,
                    group -> new KeysetPosition(
                            group.meta().created(), group.id().value()));
        });
    }

    // Only what filters and sorting read: the group's attributes and member ids.
    private ObjectNode filterView(Group group) {
        ObjectNode node = ScimJson.nodes().objectNode();
        node.put("id", group.id().value());
        node.put("displayName", group.displayName());
        if (group.externalId() != null) {
            node.put("externalId", group.externalId());
        }
        ArrayNode members = node.putArray("members");
        members(group.tenantId(), group.id()).forEach(id -> members.addObject().put("value", id.value()));
        node.putObject("meta")
                .put("resourceType", "Group")
                .put("created", group.meta().created().toString())
                .put("lastModified", group.meta().lastModified().toString());
        return node;
    }

    @Override
    public void insert(Group group, List<DomainEvent> events, EventDetails details) {
        state.atomically(() -> {
            InMemoryState.Key<GroupId> key = new InMemoryState.Key<>(group.tenantId(), group.id());
            state.groups.put(key, group);
            state.memberships.put(key, new LinkedHashSet<>());
            state.record(events, details);
        });
    }

    @Override
    public void update(Group group, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
        state.atomically(() -> {
            requireCurrent(group, expected);
            state.groups.put(new InMemoryState.Key<>(group.tenantId(), group.id()), group);
            state.record(events, details);
        });
    }

    @Override
    public void delete(Group group, ExpectedVersion expected, List<DomainEvent> events, EventDetails details) {
        state.atomically(() -> {
            requireCurrent(group, expected);
            InMemoryState.Key<GroupId> key = new InMemoryState.Key<>(group.tenantId(), group.id());
            state.groups.remove(key);
            state.memberships.remove(key);
            state.record(events, details);
        });
    }

    @Override
    public Set<UserId> addMembers(TenantId tenant, GroupId group, Set<UserId> users, Map<UserId, String> labels) {
        return state.atomically(() -> {
            Set<UserId> added = new LinkedHashSet<>();
            for (UserId user : users) {
                if (members(tenant, group).add(user)) {
                    added.add(user);
                    if (labels.get(user) != null) {
                        labelsOf(tenant, group).put(user, labels.get(user));
                    }
                }
            }
            return added;
        });
    }

    @Override
    public Set<UserId> removeMembers(TenantId tenant, GroupId group, Set<UserId> users) {
        return state.atomically(() -> {
            Set<UserId> removed = new LinkedHashSet<>();
            for (UserId user : users) {
                if (members(tenant, group).remove(user)) {
                    removed.add(user);
                    state.memberLabels
                            .getOrDefault(new InMemoryState.Key<>(tenant, group), new HashMap<>())
                            .remove(user);
                }
            }
            return removed;
        });
    }

    @Override
    public MembershipOutcome replaceMembers(TenantId tenant, GroupId group, Set<UserId> users) {
        return state.atomically(() -> {
            Set<UserId> current = new LinkedHashSet<>(members(tenant, group));
            Set<UserId> toRemove = new LinkedHashSet<>(current);
            toRemove.removeAll(users);
            Set<UserId> toAdd = new LinkedHashSet<>(users);
            toAdd.removeAll(current);
            return new MembershipOutcome(addMembers(tenant, group, toAdd), removeMembers(tenant, group, toRemove));
        });
    }

    @Override
    public void labelMembers(TenantId tenant, GroupId group, Map<UserId, String> displays) {
        state.atomically(() -> {
            Set<UserId> members = members(tenant, group);
            Map<UserId, String> labels = labelsOf(tenant, group);
            displays.forEach((user, display) -> {
                if (members.contains(user)) {
                    labels.put(user, display);
                }
            });
        });
    }

    @Override
    public void forEachMember(TenantId tenant, GroupId group, Consumer<Member> consumer) {
        List<Member> members = state.atomically(() -> {
            List<Member> listed = new ArrayList<>();
            Map<UserId, String> labels =
                    state.memberLabels.getOrDefault(new InMemoryState.Key<>(tenant, group), Map.of());
            for (UserId id : members(tenant, group)) {
                User user = state.users.get(new InMemoryState.Key<>(tenant, id));
                if (user != null) {
                    listed.add(new Member(id, labels.getOrDefault(id, display(user))));
                }
            }
            return listed;
        });
        members.forEach(consumer);
    }

    @Override
    public long countMembers(TenantId tenant, GroupId group) {
        return state.atomically(() -> (long) members(tenant, group).size());
    }

    @Override
    public Map<UserId, List<GroupMembership>> groupsOf(TenantId tenant, Collection<UserId> users) {
        return state.atomically(() -> {
            Map<UserId, List<GroupMembership>> byUser = new HashMap<>();
            state.groups.values().stream()
                    .filter(group -> group.tenantId().equals(tenant))
                    .sorted(CREATION_ORDER)
                    .forEach(group -> members(tenant, group.id()).stream()
                            .filter(users::contains)
                            .forEach(user -> byUser.computeIfAbsent(user, key -> new ArrayList<>())
                                    .add(new GroupMembership(group.id(), group.displayName()))));
            return byUser;
        });
    }

    static String display(User user) {
        return user.profile().displayName() != null
                ? user.profile().displayName()
                : user.userName().value();
    }

    private Map<UserId, String> labelsOf(TenantId tenant, GroupId group) {
        return state.memberLabels.computeIfAbsent(new InMemoryState.Key<>(tenant, group), key -> new HashMap<>());
    }

    private Set<UserId> members(TenantId tenant, GroupId group) {
        Set<UserId> members = state.memberships.get(new InMemoryState.Key<>(tenant, group));
        if (members == null) {
            throw new UnknownGroup(group.value());
        }
        return members;
    }

    private void requireCurrent(Group group, ExpectedVersion expected) {
        Group current = state.groups.get(new InMemoryState.Key<>(group.tenantId(), group.id()));
        if (current == null) {
            throw new UnknownGroup(group.id().value());
        }
        expected.check(group.id().value(), current.meta().version());
    }
}
