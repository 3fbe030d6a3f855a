package com.javelo.scim.core.usecase.group;

import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.MembershipOutcome;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.GroupInput;
import com.javelo.scim.core.usecase.ConflictRetry;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a group (PUT: Okta AIW apps rename and sync members this way). The membership becomes
 * exactly the members given, applied as a diff; a body without {@code members} keeps them.
 */
public final class ReplaceGroup {

    public record Command(TenantId tenant, GroupId id, GroupInput input, ExpectedVersion expected, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(cause, "cause");
        }

        public Command(TenantId tenant, GroupId id, GroupInput input, ExpectedVersion expected) {
            this(tenant, id, input, expected, Cause.unknown(""));
        }
    }

    private final Groups groups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Memberships memberships;

    public ReplaceGroup(Users users, Groups groups, UnitOfWork unitOfWork, Clock clock) {
        this.groups = groups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.memberships = new Memberships(users, groups);
    }

    public Group execute(Command command) {
        return ConflictRetry.run(unitOfWork, command.expected(), () -> {
            Group current = load(groups, command.tenant(), command.id(), command.expected());
            var now = clock.instant();
            Change<Group> attributes = current.replaceAttributes(
                    command.input().displayName(), command.input().externalId(), now);
            MembershipOutcome outcome = command.input().memberIds() == null
                    ? MembershipOutcome.nothing()
                    : memberships.apply(
                            command.tenant(),
                            current.id(),
                            Set.of(),
                            Set.of(),
                            Optional.of(command.input().memberIds()),
                            command.input().memberDisplays());
            return GroupChanges.store(
                    groups, current, attributes, outcome, now, command.cause(), EventDetails.Operation.REPLACE);
        });
    }

    static Group load(Groups groups, TenantId tenant, GroupId id, ExpectedVersion expected) {
        Group current = groups.findById(tenant, id).orElseThrow(() -> new UnknownGroup(id.value()));
        expected.check(id.value(), current.meta().version());
        return current;
    }
}
