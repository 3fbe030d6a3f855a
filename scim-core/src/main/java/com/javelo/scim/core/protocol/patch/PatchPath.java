package com.javelo.scim.core.protocol.patch;

import com.javelo.scim.core.protocol.filter.Filter;
import com.javelo.scim.core.protocol.schema.AttributePath;
import java.util.Objects;

/**
 * A PATCH operation's {@code path} (RFC 7644 §3.5.2): {@code attrPath}, or
 * {@code valuePath ["." subAttr]}. For example {@code name.givenName} is
 * {@code (name.givenName, null, null)}; {@code members[value eq "x"]} is
 * {@code (members, value eq "x", null)}; {@code emails[type eq "work"].value} is
 * {@code (emails, type eq "work", "value")}.
 *
 * @param attribute the attribute addressed; carries a sub-attribute only when there is no filter
 * @param valueFilter the filter selecting values of a multi-valued attribute, or {@code null}
 * @param subAttribute the sub-attribute after a value filter, or {@code null}
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (subAttribute != null && valueFilter == null) {
            throw new IllegalArgumentException("a sub-attribute after a value filter needs the filter");
        }
    }

    public static PatchPath of(AttributePath attribute) {
        return new PatchPath(attribute, null, null);
    }
}
