package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.javelo.scim.core.protocol.json.JsonFields;
import java.util.Locale;

/**
 * Entra's default (pre-{@code aadOptscim062020}) PATCH dialect capitalises its operations:
 *
 * <pre>{"Operations":[{"op":"Replace","path":"active","value":"False"}]}</pre>
 *
 * Microsoft's validator (the reference Postman collection) expects 204 for such a user PATCH, while
 * Okta's tests read {@code active} from a 200 body and always send lower-case ops. RFC 7644
 * §3.5.2 lets the server choose either, so the answer follows the dialect: 204 when any op is
 * capitalised, the resource otherwise.
 */
final class EntraDefaultDialect {

    private EntraDefaultDialect() {}

    static boolean isUsedBy(JsonNode patchBody) {
        for (JsonNode operation : JsonFields.array(patchBody, "Operations", "Operations")) {
            JsonNode op = operation.get("op");
            if (op != null && op.isTextual() && !op.textValue().equals(op.textValue().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
