package com.javelo.scim.domain.error;

/** An attribute value that breaks a business rule (e.g. a blank userName). */
public final class InvalidAttributeValue extends DomainException {
    private final String attribute;

    public InvalidAttributeValue(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
