package com.javelo.scim.core.protocol.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import com.javelo.scim.core.protocol.patch.quirks.IdpQuirks;
import java.util.List;

/**
 * The PATCH pipeline in one place: parse the body ({@link PatchRequest}), normalise the IdP
 * dialects ({@link IdpQuirks}), then apply ({@link JsonPatcher}) or plan a group's memberships
 * ({@link MembershipPatchPlanner}).
 *
 * <p>For example:
 * <pre>{@code
 * ObjectNode patched = ScimPatch.apply(user, body, ScimUserGroupCharacteristics.users());
 * GroupPatchPlan plan = ScimPatch.planGroup(body, ScimUserGroupCharacteristics.groups());
 * }</pre>
 */
public final class ScimPatch {

    private ScimPatch() {}

    /** @return the body's operations, normalised to the RFC 7644 form */
    public static List<PatchOperation> operations(JsonNode body, AttributeCharacteristics schema) {
        return IdpQuirks.normalise(PatchRequest.parse(body), schema);
    }

    /** @return the patched copy of {@code resource}; {@code resource} itself is never changed */
    public static ObjectNode apply(ObjectNode resource, JsonNode body, AttributeCharacteristics schema) {
        return JsonPatcher.apply(resource, operations(body, schema), schema);
    }

    /** @return a Group PATCH split into attribute operations and a membership plan */
    public static GroupPatchPlan planGroup(JsonNode body, AttributeCharacteristics schema) {
        return MembershipPatchPlanner.plan(operations(body, schema));
    }
}
