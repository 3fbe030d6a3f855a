package com.javelo.scim.core.port;

import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.user.User;
import java.util.List;
import java.util.Objects;

/** A user with the groups it belongs to: what a list response renders (the read-only {@code groups}). */
public record UserWithGroups(User user, List<GroupMembership> groups) {

    public UserWithGroups {
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
    }
}
