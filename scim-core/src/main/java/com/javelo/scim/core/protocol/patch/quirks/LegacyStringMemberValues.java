package com.javelo.scim.core.protocol.patch.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.patch.MembershipPatchPlanner;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Client: Microsoft's reference Postman collection ("Group tests with garbage"). It adds members
 * as a bare string naming no user, and expects 204:
 *
 * <pre>{"Operations":[{"op":"add","path":"members","value":"string id 1"}]}</pre>
 *
 * No real Entra or Okta tenant sends this shape (both send {@code [{"value":"<id>"}]}, and an
 * unknown id there refuses the whole change). So only ids given in this legacy shape are skippable
 * when they name nobody ({@link com.javelo.scim.core.protocol.patch.MembershipPlan#skippableUnknowns});
 * an existing user given this way is added as usual.
 */
public final class LegacyStringMemberValues {

    private LegacyStringMemberValues() {}

    /** @param operations a request's operations as sent */
    public static Set<String> in(List<PatchOperation> operations) {
        Set<String> ids = new LinkedHashSet<>();
        for (PatchOperation operation : operations) {
            JsonNode value = operation.value();
            if (operation.op() == PatchOp.ADD
                    && MembershipPatchPlanner.namesWholeMembers(operation.path())
                    && value != null
                    && value.isTextual()
                    && !value.textValue().isBlank()) {
                ids.add(value.textValue().strip());
            }
        }
        return ids;
    }
}
