package com.javelo.scim.core.usecase.user;

import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.usecase.EventDetailing;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Removes a user from provisioning (Entra's DELETE): 404 afterwards, out of every group, userName
 * free again; the store keeps a tombstone for Javelo's history.
 */
public final class DeleteUser {

    public record Command(TenantId tenant, UserId id, ExpectedVersion expected, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(cause, "cause");
        }

        public Command(TenantId tenant, UserId id, ExpectedVersion expected) {
            this(tenant, id, expected, Cause.unknown(""));
        }
    }

    private final Users users;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public DeleteUser(Users users, UnitOfWork unitOfWork, Clock clock) {
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public void execute(Command command) {
        unitOfWork.inTransaction(() -> {
            User current = users.findById(command.tenant(), command.id())
                    .orElseThrow(() -> new UnknownUser(command.id().value()));
            command.expected().check(command.id().value(), current.meta().version());
            var now = clock.instant();
            users.delete(
                    current,
                    ExpectedVersion.of(current.meta().version()),
                    List.of(current.delete(now)),
                    EventDetailing.ofDeletedUser(command.cause(), current));
            // Their reports' references go back to pending: they link again if the person returns.
            for (User report : users.findReportsOf(command.tenant(), current.id())) {
                Change<User> unlinked = report.managerDeleted(current.id(), now);
                users.update(
                        report,
                        unlinked.after(),
                        unlinked.events(),
                        EventDetailing.ofUser(
                                command.cause(), EventDetails.Operation.PATCH, report, unlinked.after(), List.of()));
            }
            return null;
        });
    }
}
