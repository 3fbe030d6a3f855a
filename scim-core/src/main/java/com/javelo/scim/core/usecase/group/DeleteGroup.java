package com.javelo.scim.core.usecase.group;

import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.usecase.EventDetailing;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Deletes a group and its memberships; the users stay. */
public final class DeleteGroup {

    public record Command(TenantId tenant, GroupId id, ExpectedVersion expected, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(cause, "cause");
        }

        public Command(TenantId tenant, GroupId id, ExpectedVersion expected) {
            this(tenant, id, expected, Cause.unknown(""));
        }
    }

    private final Groups groups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public DeleteGroup(Groups groups, UnitOfWork unitOfWork, Clock clock) {
        this.groups = groups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public void execute(Command command) {
        unitOfWork.inTransaction(() -> {
            Group current = ReplaceGroup.load(groups, command.tenant(), command.id(), command.expected());
            groups.delete(
                    current,
                    ExpectedVersion.of(current.meta().version()),
                    List.of(current.delete(clock.instant())),
                    EventDetailing.ofDeletedGroup(command.cause()));
            return null;
        });
    }
}
