package com.javelo.scim.core.protocol.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * A reference to an attribute as filters and PATCH paths write it (RFC 7644 §3.10):
 * {@code [schemaUrn ":"] attribute ["." subAttribute]}. Names are compared case-insensitively,
 * so the record keeps them as written and {@link #equals} is not used for matching; use
 * {@link #matches}.
 *
 * <p>For example: {@code name.givenName}, {@code emails.value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * @param schemaUrn the URN prefix as written, or {@code null} when the path is unqualified
 * @param attribute the top-level attribute name
 * @param subAttribute the sub-attribute name, or {@code null}
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute) {

    public AttributePath {
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.isEmpty()) {
            throw new IllegalArgumentException("empty attribute name");
        }
    }

    public static AttributePath of(String attribute) {
        return new AttributePath(null, attribute, null);
    }

    public static AttributePath of(String attribute, String subAttribute) {
        return new AttributePath(null, attribute, subAttribute);
    }

    /** @return the path without its sub-attribute, e.g. {@code emails} for {@code emails.value}. */
    public AttributePath parent() {
        return new AttributePath(schemaUrn, attribute, null);
    }

    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schemaUrn, attribute, sub);
    }

    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** @return the lower-cased {@code attribute[.sub]} without the URN, for case-insensitive lookups. */
    public String key() {
        String top = attribute.toLowerCase(Locale.ROOT);
        return subAttribute == null ? top : top + "." + subAttribute.toLowerCase(Locale.ROOT);
    }

    /** @return whether {@code other} names the same attribute, ignoring case and an absent URN. */
    public boolean matches(AttributePath other) {
        if (!key().equals(other.key())) {
            return false;
        }
        return schemaUrn == null || other.schemaUrn == null || schemaUrn.equalsIgnoreCase(other.schemaUrn);
    }

    @Override
    public String toString() {
        String base = schemaUrn == null ? attribute : schemaUrn + ":" + attribute;
        return subAttribute == null ? base : base + "." + subAttribute;
    }
}
