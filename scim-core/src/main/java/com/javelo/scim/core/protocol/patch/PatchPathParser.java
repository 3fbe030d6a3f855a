package com.javelo.scim.core.protocol.patch;

import com.javelo.scim.core.protocol.filter.FilterParser;

/**
 * Parses PATCH {@code path} strings (RFC 7644 §3.5.2: {@code attrPath / valuePath [subAttr]})
 * with the filter grammar of {@link FilterParser}. Names are case-insensitive and kept as written.
 *
 * <ul>
 *   <li>{@code name.givenName} → {@code (name.givenName, null, null)}: without a filter the
 *       sub-attribute stays in the {@code AttributePath};
 *   <li>{@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value} →
 *       {@code ((urn…:User, manager, value), null, null)};
 *   <li>{@code members[value eq "2819c223"]} → {@code (members, value eq "2819c223", null)};
 *   <li>{@code emails[type eq "work"].value} → {@code (emails, type eq "work", "value")};
 *   <li>{@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}, a whole extension
 *       (a URN whose next-to-last segment is a version) →
 *       {@code (AttributePath(null, "urn:…:2.0:User", null), null, null)}: the URN stands in the
 *       {@code attribute} and {@code schemaUrn} is {@code null}.
 * </ul>
 */
public final class PatchPathParser {

    private PatchPathParser() {}

    /**
     * @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidPath} saying what was
     *     expected at which position
     */
    public static PatchPath parse(String path) {
        return FilterParser.parsePath(path, PatchPath::new);
    }
}
