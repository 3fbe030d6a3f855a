package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.json.JsonFields;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Microsoft's reference Postman collection ("Group tests with garbage") adds members as a bare
 * string naming no user, and expects 204:
 *
 * <pre>{"Operations":[{"op":"add","path":"members","value":"string id 1"}]}</pre>
 *
 * No real Entra or Okta tenant sends this shape (both send {@code [{"value":"<id>"}]}, and an
 * unknown id there refuses the whole change). So only ids given in this legacy shape are skippable
 * when they name nobody; an existing user given this way is added as usual.
 */
final class LegacyStringMemberValues {

    private LegacyStringMemberValues() {}

    static Set<String> in(JsonNode patchBody) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode operation : JsonFields.array(patchBody, "Operations", "Operations")) {
            JsonNode op = JsonFields.field(operation, "op").orElse(null);
            JsonNode path = JsonFields.field(operation, "path").orElse(null);
            JsonNode value = JsonFields.field(operation, "value").orElse(null);
            boolean addsMembers = op != null && op.isTextual() && op.textValue().toLowerCase(Locale.ROOT).equals("add")
                    && path != null && path.isTextual() && path.textValue().strip().equalsIgnoreCase("members");
            if (addsMembers && value != null && value.isTextual() && !value.textValue().isBlank()) {
                ids.add(value.textValue().strip());
            }
        }
        return ids;
    }
}
