package com.javelo.scim.core.port;

import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.group.Member;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Outgoing persistence port for a tenant's groups. Memberships change as set operations (add
 * these ids, remove these ids, make it exactly these ids); no method loads a whole group to
 * change one member.
 */
public interface Groups {

    Optional<Group> findById(TenantId tenant, GroupId id);

    Page<Group> query(TenantId tenant, ResourceQuery query);

    default void insert(Group group, List<DomainEvent> events) {
        insert(group, events, EventDetails.none());
    }

    /** Like {@link #insert(Group, List)}, recording {@code details} with the events. */
    void insert(Group group, List<DomainEvent> events, EventDetails details);

    /** @throws StaleVersion when the stored version is not {@code expected} */
    default void update(Group group, ExpectedVersion expected, List<DomainEvent> events) {
        update(group, expected, events, EventDetails.none());
    }

    /** Like {@link #update(Group, ExpectedVersion, List)}, recording {@code details} with the events. */
    void update(Group group, ExpectedVersion expected, List<DomainEvent> events, EventDetails details);

    /** Deletes the group and its memberships (never the users). */
    default void delete(Group group, ExpectedVersion expected, List<DomainEvent> events) {
        delete(group, expected, events, EventDetails.none());
    }

    /** Like {@link #delete(Group, ExpectedVersion, List)}, recording {@code details} with the events. */
    void delete(Group group, ExpectedVersion expected, List<DomainEvent> events, EventDetails details);

    /** Adds the users not yet members; @return those actually added. Members must exist (checked by the caller). */
    default Set<UserId> addMembers(TenantId tenant, GroupId group, Set<UserId> users) {
        return addMembers(tenant, group, users, Map.of());
    }

    /**
     * Adds the users not yet members, each with the label the identity provider gave it
     * ({@code members[].display}, see {@link #labelMembers}) when {@code labels} has one, written
     * with the membership itself; @return those actually added.
     */
    Set<UserId> addMembers(TenantId tenant, GroupId group, Set<UserId> users, Map<UserId, String> labels);

    /** Removes the users that are members; @return those actually removed. */
    Set<UserId> removeMembers(TenantId tenant, GroupId group, Set<UserId> users);

    /** Makes the membership exactly {@code users}, as a diff; @return what was added and removed. */
    MembershipOutcome replaceMembers(TenantId tenant, GroupId group, Set<UserId> users);

    /**
     * Remembers the label the identity provider gave some members ({@code members[].display});
     * ids that are not members are ignored.
     */
    void labelMembers(TenantId tenant, GroupId group, Map<UserId, String> displays);

    /** Streams the members in a stable order, without materialising a large group. */
    void forEachMember(TenantId tenant, GroupId group, Consumer<Member> consumer);

    long countMembers(TenantId tenant, GroupId group);

    /**
     * @return the groups each user belongs to (users in no group are absent), for the read-only
     *     {@code groups} attribute of a page of users, in one look-up
     */
    Map<UserId, List<GroupMembership>> groupsOf(TenantId tenant, Collection<UserId> users);

    /** @return the groups the user belongs to */
    default List<GroupMembership> groupsOf(TenantId tenant, UserId user) {
        return groupsOf(tenant, List.of(user)).getOrDefault(user, List.of());
    }
}
