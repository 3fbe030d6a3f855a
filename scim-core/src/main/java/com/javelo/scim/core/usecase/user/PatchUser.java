package com.javelo.scim.core.usecase.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.event.Cause;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.patch.JsonPatcher;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Applies a SCIM PATCH to a user (profile updates, Okta's and Entra's deactivate and reactivate):
 * the operations edit the user's SCIM document, which is then read back exactly like a PUT body,
 * so PATCH and PUT share one mapping and one write path. All operations apply, or none.
 */
public final class PatchUser {

    public record Command(
            TenantId tenant, UserId id, List<PatchOperation> operations, ExpectedVersion expected, Cause cause) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            operations = List.copyOf(operations);
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(cause, "cause");
        }

        public Command(TenantId tenant, UserId id, List<PatchOperation> operations, ExpectedVersion expected) {
            this(tenant, id, operations, expected, Cause.unknown(""));
        }
    }

    private final ReplaceUser replaceUser;
    private final CustomSchemas schemas;

    public PatchUser(Users users, UnitOfWork unitOfWork, Clock clock) {
        this(users, unitOfWork, clock, CustomSchemas.NONE);
    }

    public PatchUser(Users users, UnitOfWork unitOfWork, Clock clock, CustomSchemas schemas) {
        this.replaceUser = new ReplaceUser(users, unitOfWork, clock, schemas);
        this.schemas = schemas;
    }

    /** @return the user as stored, with the groups it belongs to (which a user PATCH leaves alone) */
    public UserWithGroups execute(Command command) {
        refuseActiveRemoval(command.operations());
        CustomSchema schema = schemas.of(command.tenant());
        return replaceUser.apply(
                command.tenant(),
                command.id(),
                command.expected(),
                command.cause(),
                EventDetails.Operation.PATCH,
                current -> {
                    ObjectNode document = UserJson.writeProfileDocument(current.profile(), schema);
                    document.put("active", current.active());
                    if (current.managerValue() != null) {
                        ObjectNode enterprise = document.has(UserJson.ENTERPRISE_URN)
                                ? (ObjectNode) document.get(UserJson.ENTERPRISE_URN)
                                : document.putObject(UserJson.ENTERPRISE_URN);
                        // The document may hold the manager's carried sub-attributes (manager.since): keep them.
                        ObjectNode manager = enterprise.get("manager") instanceof ObjectNode carried
                                ? carried
                                : enterprise.putObject("manager");
                        manager.put("value", current.managerValue());
                    }
                    ObjectNode patched = JsonPatcher.apply(
                            document, command.operations(), ScimUserGroupCharacteristics.users(schema));
                    return UserJson.readPatched(patched, schema, current.profile());
                });
    }

    /**
     * {@code remove} of {@code active} is refused: a removal would leave a person neither active nor
     * inactive (or, read as "absent means active", reactivate someone). Deactivation is
     * {@code active:false}; see docs/architecture.md.
     */
    private static void refuseActiveRemoval(List<PatchOperation> operations) {
        for (PatchOperation operation : operations) {
            if (operation.op() == PatchOp.REMOVE
                    && operation.path() != null
                    && operation.path().valueFilter() == null
                    && !operation.path().attribute().hasSubAttribute()
                    && operation.path().attribute().attribute().equalsIgnoreCase("active")
                    && (operation.path().attribute().schemaUrn() == null
                            || operation.path().attribute().schemaUrn().equalsIgnoreCase(UserJson.USER_URN))) {
                throw ScimErrors.invalidValue("'active' cannot be removed: a person is either active or not. "
                        + "To deactivate, send {\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
            }
        }
    }
}
