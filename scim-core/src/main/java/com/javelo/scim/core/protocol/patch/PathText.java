package com.javelo.scim.core.protocol.patch;

import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.filter.FilterPrinter;

/** Writes PATCH paths back in SCIM syntax, so error details quote what the client sent. */
final class PathText {

    private PathText() {}

    static String of(PatchPath path) {
        if (path.valueFilter() == null) {
            return path.attribute().toString();
        }
        String base = path.attribute() + "[" + of(path.valueFilter()) + "]";
        return path.subAttribute() == null ? base : base + "." + path.subAttribute();
    }

    static String of(Filter filter) {
        return FilterPrinter.print(filter);
    }
}
