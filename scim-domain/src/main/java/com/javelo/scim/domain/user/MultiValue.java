package com.javelo.scim.domain.user;

/**
 * One value of a simple multi-valued attribute (emails, phone numbers, ims, photos, roles,
 * entitlements, x509 certificates): the value as sent, its type label, primary flag and display.
 *
 * @param primary as sent: {@code true}, {@code false}, or {@code null} when the IdP sent none
 *     (an explicit {@code false} round-trips as {@code false})
 */
public record MultiValue(String value, String type, Boolean primary, String display) {

    public static MultiValue of(String value, String type) {
        return new MultiValue(value, type, null, null);
    }

    /** @return whether this value was marked primary */
    public boolean isPrimary() {
        return Boolean.TRUE.equals(primary);
    }
}
