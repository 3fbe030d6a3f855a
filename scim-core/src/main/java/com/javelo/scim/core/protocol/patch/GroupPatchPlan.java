package com.javelo.scim.core.protocol.patch;

import java.util.List;
import java.util.Objects;

/**
 * A Group PATCH split in two: operations on the group's own attributes ({@code displayName},
 * {@code externalId}…), for {@link JsonPatcher}, and the membership change, for the store's set
 * operations.
 */
public record GroupPatchPlan(List<PatchOperation> attributeOperations, MembershipPlan membership) {

    public GroupPatchPlan {
        attributeOperations = List.copyOf(attributeOperations);
        Objects.requireNonNull(membership, "membership");
    }
}
