package com.javelo.scim.core.protocol.patch;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The net membership change of a Group PATCH, as set operations on member ids. Either
 * {@link #replaceAll} is present (the group's members become exactly that set, and the two other
 * sets are empty), or the members become {@code (current − toRemove) ∪ toAdd}; {@code toAdd} and
 * {@code toRemove} never share an id.
 *
 * <p>For example Okta's {@code remove members[value eq "a"]}, {@code add members [{"value":"b"}]}
 * plan to {@code toAdd={b}, toRemove={a}}; its Push Now {@code replace members []} to
 * {@code replaceAll={}}.
 */
public record MembershipPlan(Set<String> toAdd, Set<String> toRemove, Optional<Set<String>> replaceAll) {

    public MembershipPlan {
        toAdd = frozen(toAdd);
        toRemove = frozen(toRemove);
        replaceAll = replaceAll.map(MembershipPlan::frozen);
        if (replaceAll.isPresent() && (!toAdd.isEmpty() || !toRemove.isEmpty())) {
            throw new IllegalArgumentException("a plan replacing all members adds and removes nothing else");
        }
        if (!Collections.disjoint(toAdd, toRemove)) {
            throw new IllegalArgumentException("an id can't be both added and removed");
        }
    }

    public static MembershipPlan none() {
        return new MembershipPlan(Set.of(), Set.of(), Optional.empty());
    }

    public boolean changesNothing() {
        return replaceAll.isEmpty() && toAdd.isEmpty() && toRemove.isEmpty();
    }

    /** @return every member id the change names: added, removed or the whole new membership */
    public Set<String> mentionedIds() {
        Set<String> mentioned = new LinkedHashSet<>(toAdd);
        mentioned.addAll(toRemove);
        replaceAll.ifPresent(mentioned::addAll);
        return Collections.unmodifiableSet(mentioned);
    }

    /** @return the members after the change, given the members before it */
    public Set<String> applyTo(Set<String> current) {
        if (replaceAll.isPresent()) {
            return replaceAll.get();
        }
        Set<String> result = new LinkedHashSet<>(current);
        result.removeAll(toRemove);
        result.addAll(toAdd);
        return Collections.unmodifiableSet(result);
    }

    private static Set<String> frozen(Set<String> ids) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }
}
