package com.javelo.scim.core.protocol.schema;

/** Whether and how an attribute may be changed (RFC 7643 §7, "mutability"). */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wireValue;

    Mutability(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value as a schema document writes it, e.g. {@code readWrite}. */
    public String wireValue() {
        return wireValue;
    }
}
