package com.javelo.scim.domain.user;

/** A physical mailing address (RFC 7643 §4.1.2); every part may be absent. */
public record Address(
        String formatted,
        String streetAddress,
        String locality,
        String region,
        String postalCode,
        String country,
        String type,
        boolean primary) {}
