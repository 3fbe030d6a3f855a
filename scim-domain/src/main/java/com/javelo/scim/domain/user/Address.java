package com.javelo.scim.domain.user;

/**
 * A physical mailing address (RFC 7643 §4.1.2); every part may be absent.
 *
 * @param primary as sent: {@code true}, {@code false} or {@code null} when the IdP sent none
 */
public record Address(
        String formatted,
        String streetAddress,
        String locality,
        String region,
        String postalCode,
        String country,
        String type,
        Boolean primary) {

    /** @return whether this address was marked primary */
    public boolean isPrimary() {
        return Boolean.TRUE.equals(primary);
    }
}
