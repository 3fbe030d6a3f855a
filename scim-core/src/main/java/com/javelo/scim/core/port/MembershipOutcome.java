package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.UserId;
import java.util.Set;

/** What a membership change really did: only ids that were added or removed. */
public record MembershipOutcome(Set<UserId> added, Set<UserId> removed) {

    public MembershipOutcome {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
    }

    public static MembershipOutcome nothing() {
        return new MembershipOutcome(Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
