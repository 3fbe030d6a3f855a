package com.javelo.scim.core.protocol.schema;

/** How far an attribute's values must be unique (RFC 7643 §7, "uniqueness"). */
public enum Uniqueness {
    NONE("none"),
    /** Unique within one service provider; for Javelo, within one tenant. */
    SERVER("server"),
    GLOBAL("global");

    private final String wireValue;

    Uniqueness(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value as a schema document writes it, e.g. {@code server}. */
    public String wireValue() {
        return wireValue;
    }
}
