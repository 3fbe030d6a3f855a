package com.javelo.scim.domain.user;

/**
 * One value of a simple multi-valued attribute (emails, phone numbers, ims, photos, roles,
 * entitlements, x509 certificates): the value as sent, its type label, primary flag and display.
 */
public record MultiValue(String value, String type, boolean primary, String display) {

    public static MultiValue of(String value, String type) {
        return new MultiValue(value, type, false, null);
    }
}
