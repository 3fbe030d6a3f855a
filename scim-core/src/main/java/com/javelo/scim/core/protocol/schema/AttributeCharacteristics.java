package com.javelo.scim.core.protocol.schema;

import java.util.Optional;

/**
 * What filter evaluation and PATCH need to know about attributes (RFC 7643 §2.2, §7), asked by
 * path: a path with a sub-attribute asks about the sub-attribute ({@code emails.value} is
 * single-valued and not case-exact). Names and URNs are matched case-insensitively; a path without
 * a URN is looked up in the core schema first, then in the extensions.
 *
 * <p>For example: {@code isMultiValued(AttributePath.of("emails"))} is true,
 * {@code canonicalName(AttributePath.of("name", "FAMILYNAME"))} is {@code "familyName"}.
 */
public interface AttributeCharacteristics {

    /** @return whether the attribute (or sub-attribute) is defined at all */
    boolean isKnown(AttributePath path);

    boolean isMultiValued(AttributePath path);

    /** @return whether the attribute has sub-attributes ({@code name}, {@code emails}, {@code manager}) */
    boolean isComplex(AttributePath path);

    boolean isCaseExact(AttributePath path);

    /** @return whether clients may not set it ({@code id}, {@code meta}, {@code groups}, {@code members.display}) */
    boolean isReadOnly(AttributePath path);

    boolean isBoolean(AttributePath path);

    boolean isDateTime(AttributePath path);

    /** @return the spelling of the path's last name as the schema writes it, e.g. {@code familyName} */
    Optional<String> canonicalName(AttributePath path);

    /** @return the URN of the extension defining the attribute, empty for core or unknown attributes */
    Optional<String> extensionUrnOf(AttributePath path);

    /** @return whether the URN names a known extension schema (the enterprise User one) */
    boolean isExtensionUrn(String urn);

    /** @return whether the URN names the core schema of the resource ({@code ...:core:2.0:User}) */
    boolean isCoreUrn(String urn);

    /** @return the schema's own spelling of a known core or extension URN */
    Optional<String> canonicalUrn(String urn);

    /**
     * @return whether attributes these characteristics do not know are kept as sent (a User's:
     *     nothing an IdP sends is dropped, issue #15) rather than refused or ignored
     */
    default boolean keepsUnknownAttributes() {
        return false;
    }
}
