package com.javelo.scim.core.protocol.schema;

/** The data types of RFC 7643 §2.3, with the spelling §7 gives them in schema documents. */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    REFERENCE("reference"),
    COMPLEX("complex"),
    BINARY("binary");

    private final String wireValue;

    AttributeType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value as a schema document writes it, e.g. {@code dateTime}. */
    public String wireValue() {
        return wireValue;
    }
}
