package com.javelo.scim.core.protocol.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.protocol.patch.quirks.IdpQuirks;
import com.javelo.scim.core.protocol.patch.quirks.LegacyStringMemberValues;
import com.javelo.scim.core.protocol.patch.quirks.MemberDisplays;
import com.javelo.scim.core.protocol.schema.AttributeCharacteristics;
import java.util.List;

/**
 * The PATCH pipeline in one place: parse the body once ({@link PatchRequest}), normalise the IdP
 * dialects ({@link IdpQuirks}), then apply ({@link JsonPatcher}) or plan a group's memberships
 * ({@link MembershipPatchPlanner}), with the member labels and legacy member ids read from the
 * request as sent.
 *
 * <p>For example:
 * <pre>{@code
 * ObjectNode patched = ScimPatch.apply(user, body, ScimUserGroupCharacteristics.users());
 * GroupPatchPlan plan = ScimPatch.planGroup(PatchRequest.parse(body), ScimUserGroupCharacteristics.groups());
 * }</pre>
 */
public final class ScimPatch {

    private ScimPatch() {}

    /** @return the body's operations, normalised to the RFC 7644 form */
    public static List<PatchOperation> operations(JsonNode body, AttributeCharacteristics schema) {
        return operations(PatchRequest.parse(body), schema);
    }

    /** @return the request's operations, normalised to the RFC 7644 form */
    public static List<PatchOperation> operations(PatchRequest request, AttributeCharacteristics schema) {
        return IdpQuirks.normalise(request.operations(), schema);
    }

    /** @return the patched copy of {@code resource}; {@code resource} itself is never changed */
    public static ObjectNode apply(ObjectNode resource, JsonNode body, AttributeCharacteristics schema) {
        return JsonPatcher.apply(resource, operations(body, schema), schema);
    }

    /** @return a Group PATCH split into attribute operations and a membership plan */
    public static GroupPatchPlan planGroup(JsonNode body, AttributeCharacteristics schema) {
        return planGroup(PatchRequest.parse(body), schema);
    }

    /**
     * @return a Group PATCH split into attribute operations and a membership plan that carries the
     *     labels the request gave its members and the member ids it gave as bare strings (both read
     *     from the operations as sent: the read-only quirk drops {@code members[].display})
     */
    public static GroupPatchPlan planGroup(PatchRequest request, AttributeCharacteristics schema) {
        GroupPatchPlan plan = MembershipPatchPlanner.plan(operations(request, schema));
        MembershipPlan membership = plan.membership()
                .withLabelsAndSkippable(
                        MemberDisplays.in(request.operations()), LegacyStringMemberValues.in(request.operations()));
        return new GroupPatchPlan(plan.attributeOperations(), membership);
    }
}
