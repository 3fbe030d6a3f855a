package com.javelo.scim.core.usecase.group;

import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.GroupInput;
import com.javelo.scim.core.usecase.EventDetailing;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Creates a group (Okta Group Push, Entra group create), with its initial members if any. */
public final class CreateGroup {

    public record Command(TenantId tenant, GroupInput input, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(cause, "cause");
        }

        public Command(TenantId tenant, GroupInput input) {
            this(tenant, input, Cause.unknown(""));
        }
    }

    private final Groups groups;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final Memberships memberships;

    public CreateGroup(Users users, Groups groups, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
        this.groups = groups;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.memberships = new Memberships(users, groups);
    }

    public Group execute(Command command) {
        return unitOfWork.inTransaction(() -> {
            var now = clock.instant();
            Set<UserId> members = command.input().memberIds() == null
                    ? Set.of()
                    : memberships.existingUsers(
                            command.tenant(), command.input().memberIds());
            Change<Group> created = Group.create(
                    command.tenant(),
                    ids.newGroupId(),
                    command.input().displayName(),
                    command.input().externalId(),
                    now);
            List<DomainEvent> events = new ArrayList<>(created.events());
            if (!members.isEmpty()) {
                events.add(new DomainEvent.MembersAdded(
                        command.tenant(), created.after().id(), members, now));
            }
            groups.insert(
                    created.after(),
                    events,
                    EventDetailing.ofGroup(command.cause(), EventDetails.Operation.CREATE, null, created.after()));
            if (!members.isEmpty()) {
                groups.addMembers(
                        command.tenant(),
                        created.after().id(),
                        members,
                        Memberships.labels(command.input().memberDisplays()));
            }
            return created.after();
        });
    }
}
