package com.javelo.scim.core.protocol.error;

/**
 * The {@code scimType} values of RFC 7644 §3.12, Table 9, and those RFC 9865 §6 adds for cursor
 * paging, with their wire spelling.
 */
public enum ScimType {
    INVALID_FILTER("invalidFilter"),
    TOO_MANY("tooMany"),
    UNIQUENESS("uniqueness"),
    MUTABILITY("mutability"),
    INVALID_SYNTAX("invalidSyntax"),
    INVALID_PATH("invalidPath"),
    NO_TARGET("noTarget"),
    INVALID_VALUE("invalidValue"),
    INVALID_VERS("invalidVers"),
    SENSITIVE("sensitive"),
    INVALID_CURSOR("invalidCursor"),
    EXPIRED_CURSOR("expiredCursor"),
    INVALID_COUNT("invalidCount");

    private final String wireValue;

    ScimType(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
