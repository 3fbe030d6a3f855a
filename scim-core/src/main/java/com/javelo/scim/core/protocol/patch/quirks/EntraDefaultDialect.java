package com.javelo.scim.core.protocol.patch.quirks;

import com.javelo.scim.core.protocol.patch.PatchRequest;
import java.util.Locale;

/**
 * Client: Microsoft Entra ID (default dialect, before {@code aadOptscim062020}) and Microsoft's
 * validator. Entra's default dialect capitalises its operations (docs/clients.md):
 *
 * <pre>{"Operations":[{"op":"Replace","path":"active","value":"False"}]}</pre>
 *
 * Microsoft's validator (the reference Postman collection) expects 204 for such a user PATCH, while
 * Okta's tests read {@code active} from a 200 body and always send lower-case ops. RFC 7644
 * §3.5.2 lets the server choose either, so the answer follows the dialect: 204 when any op is
 * capitalised (as written, before {@link com.javelo.scim.core.protocol.patch.PatchOp} reads it),
 * the resource otherwise.
 */
public final class EntraDefaultDialect {

    private EntraDefaultDialect() {}

    public static boolean isUsedBy(PatchRequest request) {
        return request.writtenOps().stream().anyMatch(op -> !op.equals(op.toLowerCase(Locale.ROOT)));
    }
}
