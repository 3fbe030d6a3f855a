package com.javelo.scim.core.protocol.patch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
 *
 * @param labels the labels the request gave members ({@code members[].display}, or Microsoft's
 *     {@code displayName}), by member id: written with the memberships
 * @param skippableUnknowns ids among {@code toAdd} that may be skipped, rather than refuse the
 *     change, when they name no user: those given in the legacy bare-string shape
 *     ({@code quirks.LegacyStringMemberValues}); usually empty
 */
public record MembershipPlan(
        Set<String> toAdd,
        Set<String> toRemove,
        Optional<Set<String>> replaceAll,
        Map<String, String> labels,
        Set<String> skippableUnknowns) {

    public MembershipPlan {
        toAdd = frozen(toAdd);
        toRemove = frozen(toRemove);
        replaceAll = replaceAll.map(MembershipPlan::frozen);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        skippableUnknowns = frozen(skippableUnknowns);
        if (replaceAll.isPresent() && (!toAdd.isEmpty() || !toRemove.isEmpty())) {
            throw new IllegalArgumentException("a plan replacing all members adds and removes nothing else");
        }
        if (!Collections.disjoint(toAdd, toRemove)) {
            throw new IllegalArgumentException("an id can't be both added and removed");
        }
    }

    /** A plan of ids alone: no labels, nothing skippable. */
    public MembershipPlan(Set<String> toAdd, Set<String> toRemove, Optional<Set<String>> replaceAll) {
        this(toAdd, toRemove, replaceAll, Map.of(), Set.of());
    }

    public static MembershipPlan none() {
        return new MembershipPlan(Set.of(), Set.of(), Optional.empty());
    }

    /** @return this plan carrying the request's member labels and legacy bare-string member ids */
    public MembershipPlan withLabelsAndSkippable(Map<String, String> memberLabels, Set<String> skippable) {
        return new MembershipPlan(toAdd, toRemove, replaceAll, memberLabels, skippable);
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
