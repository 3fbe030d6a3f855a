package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.json.GroupJson;
import com.javelo.scim.core.protocol.json.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labels a Group PATCH gives the members it adds ({@code "display"}, or Microsoft's
 * {@code "displayName"}): Okta sends the user's email, Microsoft's validator reads its label back.
 */
final class PatchMemberDisplays {

    private PatchMemberDisplays() {}

    static Map<String, String> in(JsonNode patchBody) {
        Map<String, String> displays = new LinkedHashMap<>();
        for (JsonNode operation : JsonFields.array(patchBody, "Operations", "Operations")) {
            String op = JsonFields.field(operation, "op").filter(JsonNode::isTextual).map(JsonNode::textValue)
                    .orElse("").toLowerCase(Locale.ROOT);
            if (!op.equals("add") && !op.equals("replace")) {
                continue;
            }
            JsonNode path = JsonFields.field(operation, "path").orElse(null);
            JsonNode value = JsonFields.field(operation, "value").orElse(null);
            if (value == null) {
                continue;
            }
            List<JsonNode> members;
            if (path != null && path.isTextual() && path.textValue().strip().equalsIgnoreCase("members")) {
                members = value.isArray() ? listOf(value) : List.of(value);
            } else if (path == null && value.isObject()) {
                members = JsonFields.field(value, "members").map(PatchMemberDisplays::listOf).orElse(List.of());
            } else {
                continue;
            }
            for (JsonNode member : members) {
                JsonNode id = member.isObject() ? JsonFields.field(member, "value").orElse(null) : null;
                if (id != null && id.isTextual()) {
                    GroupJson.memberDisplay(member).ifPresent(display -> displays.put(id.textValue().strip(), display));
                }
            }
        }
        return displays;
    }

    private static List<JsonNode> listOf(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        }
        return list;
    }
}
