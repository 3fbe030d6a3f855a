package com.javelo.scim.domain.error;

import java.util.Set;
import java.util.TreeSet;

/** A membership change names users that do not exist in the tenant; the whole change is refused. */
public final class UnknownMembers extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.unknownMembers(this);
    }

    private final Set<String> userIds;

    public UnknownMembers(Set<String> userIds) {
        super("no user with id " + String.join(", ", new TreeSet<>(userIds))
                + " in this tenant; members must be existing users, so the membership change was not applied");
        this.userIds = Set.copyOf(userIds);
    }

    public Set<String> userIds() {
        return userIds;
    }
}
