package com.javelo.scim.core.usecase.group;

import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.MembershipOutcome;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.usecase.EventDetailing;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stores an attribute change and a membership outcome of one request as one change of the group. */
final class GroupChanges {

    private GroupChanges() {}

    static Group store(
            Groups groups,
            Group current,
            Change<Group> attributes,
            MembershipOutcome membership,
            Instant now,
            Cause cause,
            EventDetails.Operation operation) {
        Change<Group> members = attributes.after().recordMembership(membership.added(), membership.removed(), now);
        List<DomainEvent> events = new ArrayList<>(attributes.events());
        events.addAll(members.events());
        if (events.isEmpty()) {
            return current;
        }
        groups.update(
                members.after(),
                ExpectedVersion.of(current.meta().version()),
                events,
                EventDetailing.ofGroup(cause, operation, current, members.after()));
        return members.after();
    }
}
