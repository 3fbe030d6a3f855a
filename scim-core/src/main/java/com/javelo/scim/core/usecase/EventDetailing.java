package com.javelo.scim.core.usecase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.event.EventDetails.Operation;
import com.javelo.scim.core.protocol.json.GroupJson;
import com.javelo.scim.core.protocol.json.ResourceChanges;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.GroupMembership;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserOrigin;
import java.util.List;

/**
 * What a use case records with the events of a write ({@link EventDetails}): the resource as a
 * GET returns it after the change and, for an update, the attributes that changed. A group's
 * representation leaves its members out (a group may have thousands); membership events carry
 * the member ids instead.
 */
public final class EventDetailing {

    private EventDetailing() {}

    /** @param before null for a creation */
    public static EventDetails ofUser(
            Cause cause, Operation operation, User before, User after, List<GroupMembership> groups) {
        return ofUser(cause, operation, before, after, groups, CustomSchema.NONE);
    }

    /** Like {@link #ofUser(Cause, Operation, User, User, List)}: the resource as the company's GET shows it. */
    public static EventDetails ofUser(
            Cause cause,
            Operation operation,
            User before,
            User after,
            List<GroupMembership> groups,
            CustomSchema schema) {
        ObjectNode resource = UserJson.write(after, groups, cause.baseUrl(), schema);
        // Adoption (issue #18): the IdP takes a person imported before the integration over, which
        // Okta and Entra do by writing their externalId into the person they matched by userName.
        boolean adopted = before != null
                && after.origin() == UserOrigin.PRE_EXISTING
                && before.profile().externalId() == null
                && after.profile().externalId() != null;
        return new EventDetails(
                cause,
                operation,
                resource,
                before == null
                        ? List.of()
                        : ResourceChanges.between(UserJson.write(before, groups, cause.baseUrl(), schema), resource),
                after.origin() == UserOrigin.PRE_EXISTING,
                adopted);
    }

    public static EventDetails ofDeletedUser(Cause cause, User deleted) {
        return new EventDetails(cause, Operation.DELETE, null, List.of(), deleted.origin() == UserOrigin.PRE_EXISTING);
    }

    /** @param before null for a creation */
    public static EventDetails ofGroup(Cause cause, Operation operation, Group before, Group after) {
        ObjectNode resource = GroupJson.write(after, cause.baseUrl(), null);
        return new EventDetails(
                cause,
                operation,
                resource,
                before == null
                        ? List.of()
                        : ResourceChanges.between(GroupJson.write(before, cause.baseUrl(), null), resource),
                null);
    }

    public static EventDetails ofDeletedGroup(Cause cause) {
        return new EventDetails(cause, Operation.DELETE, null, List.of(), null);
    }
}
