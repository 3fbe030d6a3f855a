package com.javelo.scim.core.protocol.patch.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.json.CaseInsensitiveFields;
import com.javelo.scim.core.protocol.patch.MembershipPatchPlanner;
import com.javelo.scim.core.protocol.patch.PatchOp;
import com.javelo.scim.core.protocol.patch.PatchOperation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clients: Okta and Microsoft's reference Postman collection. Both label the members they add, and
 * read the label back; Okta with RFC 7643's {@code display} (read-only, so the PATCH quirks drop it
 * from the value), Microsoft's collection with {@code displayName}, which the Group schema does not
 * have (docs/clients.md):
 *
 * <pre>{"op":"add","path":"members","value":[{"value":"23a35c27","display":"test.user@okta.local"}]}
 * {"op":"add","path":"members","value":[{"value":"f648f8d5","displayName":"Smith, Jo"}]}</pre>
 *
 * The labels are kept, by member id, and written with the memberships; a later label for the same
 * id wins.
 */
public final class MemberDisplays {

    private static final String MEMBERS = "members";

    private MemberDisplays() {}

    /** @param operations a request's operations as sent: {@code add} or {@code replace} of members */
    public static Map<String, String> in(List<PatchOperation> operations) {
        Map<String, String> displays = new LinkedHashMap<>();
        for (PatchOperation operation : operations) {
            JsonNode value = operation.value();
            if (operation.op() == PatchOp.REMOVE || value == null) {
                continue;
            }
            JsonNode members;
            if (MembershipPatchPlanner.namesWholeMembers(operation.path())) {
                members = value;
            } else if (!operation.hasPath() && value.isObject()) {
                members = CaseInsensitiveFields.get(value, MEMBERS);
                if (members == null || !members.isArray()) {
                    continue;
                }
            } else {
                continue;
            }
            for (JsonNode member : members.isArray() ? members : List.of(members)) {
                JsonNode id = member.isObject() ? CaseInsensitiveFields.get(member, "value") : null;
                if (id != null && id.isTextual()) {
                    of(member).ifPresent(display -> displays.put(id.textValue().strip(), display));
                }
            }
        }
        return displays;
    }

    /**
     * @return the label a member value carries: {@code display} (RFC 7643), or else Microsoft's
     *     {@code displayName}; empty when neither is a non-blank string
     */
    public static Optional<String> of(JsonNode member) {
        if (!member.isObject()) {
            return Optional.empty();
        }
        JsonNode display = present(CaseInsensitiveFields.get(member, "display"))
                .orElseGet(() -> present(CaseInsensitiveFields.get(member, "displayName"))
                        .orElse(null));
        return Optional.ofNullable(display)
                .filter(JsonNode::isTextual)
                .map(JsonNode::textValue)
                .filter(text -> !text.isBlank());
    }

    private static Optional<JsonNode> present(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }
}
