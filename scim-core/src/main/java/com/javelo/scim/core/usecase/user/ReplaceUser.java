package com.javelo.scim.core.usecase.user;

import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.UserInput;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.usecase.ConflictRetry;
import com.javelo.scim.core.usecase.EventDetailing;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Replaces a user's profile (Okta's PUT "Push Profile Updates", also deactivation by PUT). A body
 * without {@code active} keeps the current state: an omitted flag must not suspend anyone.
 */
public final class ReplaceUser {

    public record Command(TenantId tenant, UserId id, UserInput input, ExpectedVersion expected, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(cause, "cause");
        }

        public Command(TenantId tenant, UserId id, UserInput input, ExpectedVersion expected) {
            this(tenant, id, input, expected, Cause.unknown(""));
        }
    }

    private final Users users;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final ManagerLinks managerLinks;
    private final CustomSchemas schemas;

    public ReplaceUser(Users users, UnitOfWork unitOfWork, Clock clock) {
        this(users, unitOfWork, clock, CustomSchemas.NONE);
    }

    public ReplaceUser(Users users, UnitOfWork unitOfWork, Clock clock, CustomSchemas schemas) {
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.managerLinks = new ManagerLinks(users);
        this.schemas = schemas;
    }

    /** @return the user as stored, with the groups it belongs to (which a user update leaves alone) */
    public UserWithGroups execute(Command command) {
        return apply(
                command.tenant(),
                command.id(),
                command.expected(),
                command.cause(),
                EventDetails.Operation.REPLACE,
                current -> command.input());
    }

    /**
     * Loads the user, derives the new input from it (PATCH does so), and stores the outcome: the
     * single write path of every user update. Optimistic first (see
     * {@link ConflictRetry#optimisticFirst}): a deactivation is one read and one write.
     */
    UserWithGroups apply(
            TenantId tenant,
            UserId id,
            ExpectedVersion expected,
            Cause cause,
            EventDetails.Operation operation,
            UnaryOperator<UserInput> edit) {
        return ConflictRetry.optimisticFirst(unitOfWork, expected, () -> {
            UserWithGroups loaded = users.findByIdWithGroups(tenant, id).orElseThrow(() -> new UnknownUser(id.value()));
            User current = loaded.user();
            expected.check(id.value(), current.meta().version());
            UserInput edited = edit.apply(UserInputs.of(current));
            // Values of attributes the company no longer declares are hidden from the client, so
            // a change cannot be meant to remove them: they stay (and show again if redeclared).
            CustomSchema schema = schemas.of(tenant);
            UserInput input = new UserInput(
                    edited.profile()
                            .withCustom(edited.profile()
                                    .custom()
                                    .keepingHidden(current.profile().custom(), schema::declares)),
                    edited.active(),
                    edited.managerValue());
            var now = clock.instant();
            boolean active = input.active() == null ? current.active() : input.active();
            Change<User> change =
                    current.replace(input.profile(), active, managerLinks.resolve(tenant, input.managerValue()), now);
            if (change.isNoOp()) {
                return loaded;
            }
            EventDetails details =
                    EventDetailing.ofUser(cause, operation, current, change.after(), loaded.groups(), schema);
            if (current.profile()
                            .userName()
                            .value()
                            .equals(change.after().userName().value())
                    && current.profile()
                            .emails()
                            .equals(change.after().profile().emails())) {
                users.update(current, change.after(), change.events(), details);
            } else {
                // A new userName or email may be what pending references name: linking them writes
                // other users too, so the update and the links commit together.
                unitOfWork.inTransaction(() -> {
                    users.update(current, change.after(), change.events(), details);
                    managerLinks.linkPendingReferencesTo(change.after(), now, cause);
                    return null;
                });
            }
            return new UserWithGroups(change.after(), loaded.groups());
        });
    }
}
