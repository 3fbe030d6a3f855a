package com.javelo.scim.core.usecase.group;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.MembershipOutcome;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.GroupInput;
import com.javelo.scim.core.protocol.json.GroupJson;
import com.javelo.scim.core.protocol.patch.GroupPatchPlan;
import com.javelo.scim.core.protocol.patch.JsonPatcher;
import com.javelo.scim.core.protocol.schema.InputLimits;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import com.javelo.scim.core.usecase.ConflictRetry;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.Change;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a SCIM PATCH to a group: renames through the JSON patcher, memberships as a net set
 * change on the store (Okta's remove+add in one request, Entra's remove-with-value-array,
 * {@code replace members []}). Never loads the members; all or nothing.
 */
public final class PatchGroup {

    /**
     * @param patch the request, parsed once ({@code ScimPatch.planGroup}): attribute operations and
     *     the membership change with its member labels and skippable legacy ids
     */
    public record Command(TenantId tenant, GroupId id, GroupPatchPlan patch, ExpectedVersion expected, Cause cause) {
        public Command {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(patch, "patch");
            Objects.requireNonNull(expected, "expected");
        }
    }

    private final Groups groups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Memberships memberships;

    public PatchGroup(Users users, Groups groups, UnitOfWork unitOfWork, Clock clock) {
        this.groups = groups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.memberships = new Memberships(users, groups);
    }

    public Group execute(Command command) {
        GroupPatchPlan plan = command.patch();
        InputLimits.checkMembers(
                plan.membership().mentionedIds(), plan.membership().labels());
        return ConflictRetry.run(unitOfWork, command.expected(), () -> {
            Group current = ReplaceGroup.load(groups, command.tenant(), command.id(), command.expected());
            var now = clock.instant();
            Change<Group> attributes = Change.none(current);
            if (!plan.attributeOperations().isEmpty()) {
                ObjectNode document = GroupJson.write(current, "", null);
                ObjectNode patched =
                        JsonPatcher.apply(document, plan.attributeOperations(), ScimUserGroupCharacteristics.groups());
                GroupInput input = GroupJson.read(patched);
                attributes = current.replaceAttributes(input.displayName(), input.externalId(), now);
            }
            var membership = plan.membership();
            Set<String> toAdd = memberships.withoutSkippableUnknowns(
                    command.tenant(), membership.toAdd(), membership.skippableUnknowns());
            MembershipOutcome outcome = memberships.apply(
                    command.tenant(),
                    current.id(),
                    toAdd,
                    membership.toRemove(),
                    membership.replaceAll(),
                    membership.labels());
            return GroupChanges.store(
                    groups, current, attributes, outcome, now, command.cause(), EventDetails.Operation.PATCH);
        });
    }
}
