package com.javelo.scim.core.protocol.patch;

import com.javelo.scim.core.protocol.error.ScimErrors;
import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterFragments;
import com.javelo.scim.core.protocol.schema.AttributePath;

/**
 * Parses PATCH {@code path} strings (RFC 7644 §3.5.2: {@code attrPath / valuePath [subAttr]}),
 * sharing the filter grammar for value filters. For example {@code members[value eq "x"]},
 * {@code emails[type eq "work"].value}, {@code urn:…:enterprise:2.0:User:manager}. A path naming a
 * whole extension ({@code urn:…:enterprise:2.0:User}) is returned as an attribute named by that URN.
 */
public final class PatchPathParser {

    private PatchPathParser() {}

    /** @throws com.javelo.scim.core.protocol.error.ScimException {@code invalidPath} when malformed */
    public static PatchPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw ScimErrors.invalidPath("the PATCH path is empty");
        }
        String trimmed = path.strip();
        int open = trimmed.indexOf('[');
        if (open < 0) {
            return PatchPath.of(attribute(trimmed, path));
        }
        int close = trimmed.lastIndexOf(']');
        if (close < open) {
            throw ScimErrors.invalidPath("the value filter in path '" + path + "' is not closed with ']'");
        }
        AttributePath attribute = attribute(trimmed.substring(0, open), path);
        if (attribute.hasSubAttribute()) {
            throw ScimErrors.invalidPath("a value filter must follow a multi-valued attribute in path '" + path + "'");
        }
        Filter filter = FilterFragments.valueFilter(trimmed.substring(open + 1, close), path);
        String tail = trimmed.substring(close + 1);
        if (tail.isEmpty()) {
            return new PatchPath(attribute, filter, null);
        }
        if (!tail.startsWith(".") || !tail.substring(1).matches("\\$?[A-Za-z][A-Za-z0-9_$-]*")) {
            throw ScimErrors.invalidPath("expected '.subAttribute' after ']' in path '" + path + "'");
        }
        return new PatchPath(attribute, filter, tail.substring(1));
    }

    private static AttributePath attribute(String raw, String whole) {
        String text = raw.strip();
        String urn = null;
        String rest = text;
        if (text.regionMatches(true, 0, "urn:", 0, 4)) {
            int lastColon = text.lastIndexOf(':');
            String candidateName = text.substring(lastColon + 1);
            // A whole extension URN ends in the resource type ("…:2.0:User"); a qualified
            // attribute ends in a lower-case-initial name ("…:User:manager").
            if (candidateName.isEmpty() || Character.isUpperCase(candidateName.charAt(0))
                    && !text.substring(0, lastColon).matches("(?i).*:(User|Group)$")) {
                return new AttributePath(null, text, null);
            }
            urn = text.substring(0, lastColon);
            rest = candidateName;
        }
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (!isName(name) || (sub != null && !isName(sub))) {
            throw ScimErrors.invalidPath("'" + whole + "' is not a valid attribute path");
        }
        return new AttributePath(urn, name, sub);
    }

    private static boolean isName(String name) {
        return name.matches("\\$?[A-Za-z][A-Za-z0-9_$-]*");
    }
}
