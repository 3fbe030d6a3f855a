package com.javelo.scim.domain.user;

/** The components of a user's real name (RFC 7643 §4.1.1); every part may be absent ({@code null}). */
public record Name(
        String formatted,
        String familyName,
        String givenName,
        String middleName,
        String honorificPrefix,
        String honorificSuffix) {

    public static final Name EMPTY = new Name(null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
