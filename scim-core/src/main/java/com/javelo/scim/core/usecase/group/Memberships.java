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

    /** @param replaceAll when present, the membership becomes exactly these ids (toAdd/toRemove are then empty) */
    MembershipOutcome apply(TenantId tenant, GroupId group, Set<String> toAdd, Set<String> toRemove,
            Optional<Set<String>> replaceAll) {
        if (replaceAll.isPresent()) {
            return groups.replaceMembers(tenant, group, existingUsers(tenant, replaceAll.get()));
        }
        Set<UserId> adding = existingUsers(tenant, toAdd);
        Set<UserId> added = adding.isEmpty() ? Set.of() : groups.addMembers(tenant, group, adding);
        Set<UserId> removing = ids(toRemove);
        Set<UserId> removed = removing.isEmpty() ? Set.of() : groups.removeMembers(tenant, group, removing);
        return new MembershipOutcome(added, removed);
    }

    /** Keeps the labels the IdP gave members, for ids that are members now. */
    void label(TenantId tenant, GroupId group, Map<String, String> displays) {
        if (!displays.isEmpty()) {
            Map<UserId, String> byUser = new LinkedHashMap<>();
            displays.forEach((id, display) -> byUser.put(new UserId(id), display));
            groups.labelMembers(tenant, group, byUser);
        }
    }

    /** @return {@code toAdd} without the skippable ids that name no user of the tenant */
    Set<String> withoutSkippableUnknowns(TenantId tenant, Set<String> toAdd, Set<String> skippable) {
        if (skippable.isEmpty()) {
            return toAdd;
        }
        Set<UserId> candidates = ids(skippable);
        Set<String> unknown = users.missing(tenant, candidates).stream().map(UserId::value).collect(Collectors.toSet());
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
