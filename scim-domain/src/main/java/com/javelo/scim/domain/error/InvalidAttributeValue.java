package com.javelo.scim.domain.error;

/** An attribute value that breaks a business rule (e.g. a blank userName). */
public final class InvalidAttributeValue extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.invalidAttributeValue(this);
    }

    private final String attribute;

    public InvalidAttributeValue(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
