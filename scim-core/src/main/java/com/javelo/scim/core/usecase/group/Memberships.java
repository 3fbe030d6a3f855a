package com.javelo.scim.core.usecase.group;

import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.MembershipOutcome;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.domain.error.UnknownMembers;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a net membership change to the store as set operations. Members must be users of the
 * same tenant: one unknown id refuses the whole change (before anything is written).
 */
final class Memberships {

    private final Users users;
    private final Groups groups;

    Memberships(Users users, Groups groups) {
        this.users = users;
        this.groups = groups;
    }

    /**
     * @param replaceAll when present, the membership becomes exactly these ids (toAdd/toRemove are then empty)
     * @param displays the labels the IdP gave members ({@code members[].display}), by id: written
     *     with the new memberships, and updated on those that already existed
     */
    MembershipOutcome apply(
            TenantId tenant,
            GroupId group,
            Set<String> toAdd,
            Set<String> toRemove,
            Optional<Set<String>> replaceAll,
            Map<String, String> displays) {
        Map<UserId, String> labels = labels(displays);
        MembershipOutcome outcome;
        if (replaceAll.isPresent()) {
            outcome = groups.replaceMembers(tenant, group, existingUsers(tenant, replaceAll.get()));
        } else {
            Set<UserId> adding = existingUsers(tenant, toAdd);
            Set<UserId> added = adding.isEmpty() ? Set.of() : groups.addMembers(tenant, group, adding, labels);
            labels.keySet().removeAll(added);
            Set<UserId> removing = ids(toRemove);
            Set<UserId> removed = removing.isEmpty() ? Set.of() : groups.removeMembers(tenant, group, removing);
            outcome = new MembershipOutcome(added, removed);
        }
        if (!labels.isEmpty()) {
            groups.labelMembers(tenant, group, labels);
        }
        return outcome;
    }

    /** @return the labels the IdP gave members, by user id */
    static Map<UserId, String> labels(Map<String, String> displays) {
        Map<UserId, String> byUser = new LinkedHashMap<>();
        displays.forEach((id, display) -> byUser.put(new UserId(id), display));
        return byUser;
    }

    /** @return {@code toAdd} without the skippable ids that name no user of the tenant */
    Set<String> withoutSkippableUnknowns(TenantId tenant, Set<String> toAdd, Set<String> skippable) {
        if (skippable.isEmpty()) {
            return toAdd;
        }
        Set<UserId> candidates = ids(skippable);
        Set<String> unknown =
                users.missing(tenant, candidates).stream().map(UserId::value).collect(Collectors.toSet());
        Set<String> kept = new LinkedHashSet<>(toAdd);
        kept.removeAll(unknown);
        return kept;
    }

    Set<UserId> existingUsers(TenantId tenant, Set<String> values) {
        Set<UserId> ids = ids(values);
        if (ids.isEmpty()) {
            return ids;
        }
        Set<UserId> missing = users.missing(tenant, ids);
        if (!missing.isEmpty()) {
            throw new UnknownMembers(missing.stream().map(UserId::value).collect(Collectors.toSet()));
        }
        return ids;
    }

    private static Set<UserId> ids(Set<String> values) {
        return values.stream().map(UserId::new).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
