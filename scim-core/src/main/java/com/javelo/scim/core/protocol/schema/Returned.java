package com.javelo.scim.core.protocol.schema;

/** When an attribute appears in a response (RFC 7643 §7, "returned"). */
public enum Returned {
    /** Always returned, whatever {@code attributes} or {@code excludedAttributes} say. */
    ALWAYS("always"),
    /** Never returned, even when stored and even when asked for (e.g. {@code password}). */
    NEVER("never"),
    /** Returned unless excluded, or unless {@code attributes} names other attributes only. */
    DEFAULT("default"),
    /** Returned only when {@code attributes} names it. */
    REQUEST("request");

    private final String wireValue;

    Returned(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value as a schema document writes it, e.g. {@code default}. */
    public String wireValue() {
        return wireValue;
    }
}
