package com.javelo.scim.domain.error;

/** The writer expected another version than the current one (a lost update was prevented). */
public final class StaleVersion extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.staleVersion(this);
    }

    public StaleVersion(String resourceId, String expected, String actual) {
        super("resource " + resourceId + " is at version " + actual + ", not " + expected
                + "; read it again and retry");
    }
}
