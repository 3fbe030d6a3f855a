package com.javelo.scim.core.usecase.user;

import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.UserInput;
import com.javelo.scim.core.usecase.EventDetailing;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserOrigin;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Provisions a new person (Okta "Push New Users", Entra create), or loads one who existed in
 * Javelo before the integration ({@link UserOrigin#PRE_EXISTING}), whom the IdP later adopts.
 */
public final class CreateUser {

    /** @param input the user as sent; {@code active} defaults to true */
    public record Command(TenantId tenant, UserInput input, UserOrigin origin, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(cause, "cause");
        }

        public Command(TenantId tenant, UserInput input, UserOrigin origin) {
            this(tenant, input, origin, Cause.unknown(""));
        }
    }

    private final Users users;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final ManagerLinks managerLinks;
    private final CustomSchemas schemas;

    public CreateUser(Users users, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
        this(users, unitOfWork, ids, clock, CustomSchemas.NONE);
    }

    public CreateUser(Users users, UnitOfWork unitOfWork, IdGenerator ids, Clock clock, CustomSchemas schemas) {
        this.schemas = schemas;
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.managerLinks = new ManagerLinks(users);
    }

    public User execute(Command command) {
        var now = clock.instant();
        boolean active = command.input().active() == null || command.input().active();
        Change<User> created = User.provision(
                command.tenant(),
                ids.newUserId(),
                command.input().profile(),
                active,
                managerLinks.resolve(command.tenant(), command.input().managerValue()),
                command.origin(),
                now);
        User user = created.after();
        EventDetails details = EventDetailing.ofUser(
                command.cause(), EventDetails.Operation.CREATE, null, user, List.of(), schemas.of(command.tenant()));
        if (managerLinks.anyPendingReferenceTo(user)) {
            // People provisioned earlier named this person as their manager: the new user and those
            // links commit together.
            unitOfWork.inTransaction(() -> {
                users.insert(user, created.events(), details);
                managerLinks.linkPendingReferencesTo(user, now, command.cause());
                return null;
            });
        } else {
            // The usual case: the user, their emails and their event, atomic by themselves.
            users.insert(user, created.events(), details);
        }
        return user;
    }
}
