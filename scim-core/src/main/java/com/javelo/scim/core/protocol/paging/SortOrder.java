package com.javelo.scim.core.protocol.paging;

/** The {@code sortOrder} values of RFC 7644 §3.4.2.3. */
public enum SortOrder {
    ASCENDING("ascending"),
    DESCENDING("descending");

    private final String wireValue;

    SortOrder(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
