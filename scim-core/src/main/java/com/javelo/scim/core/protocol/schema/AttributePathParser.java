package com.javelo.scim.core.protocol.schema;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.error.ScimException;
import java.util.regex.Pattern;

/**
 * Parses a plain attribute reference as query parameters write it ({@code sortBy},
 * {@code attributes}, {@code excludedAttributes}): {@code [urn ":"] attr ["." subAttr]}, where
 * the URN is everything up to the last colon. Filters and PATCH paths, which may also carry
 * value filters, have their own parsers.
 *
 * <p>For example: {@code userName}, {@code name.givenName},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 */
public final class AttributePathParser {

    /** RFC 7643 §2.1 ATTRNAME, plus the {@code $ref} sub-attribute. */
    private static final Pattern NAME = Pattern.compile("(?i:\\$ref)|[A-Za-z][A-Za-z0-9_-]*");

    private AttributePathParser() {}

    /** @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidPath} when malformed */
    public static AttributePath parse(String text) {
        if (text == null || text.isBlank()) {
            throw ScimErrors.invalidPath("An attribute name is empty.");
        }
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        String urn = colon < 0 ? null : trimmed.substring(0, colon);
        if (urn != null && !urn.regionMatches(true, 0, "urn:", 0, 4)) {
            throw malformed(trimmed, "only a schema URN may precede the attribute name");
        }
        String[] names = trimmed.substring(colon + 1).split("\\.", -1);
        if (names.length > 2) {
            throw malformed(trimmed, "write attribute or attribute.subAttribute");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw malformed(trimmed, "'" + name + "' is not an attribute name");
            }
        }
        return new AttributePath(urn, names[0], names.length == 2 ? names[1] : null);
    }

    private static ScimException malformed(String text, String why) {
        return ScimErrors.invalidPath("'" + text + "' is not an attribute path: " + why + ".");
    }
}
