package com.javelo.scim.domain.error;

/** A user was named as their own manager. */
public final class SelfManagement extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.selfManagement(this);
    }

    public SelfManagement(String reference) {
        super("a user cannot be their own manager (manager '" + reference + "' is this user)");
    }
}
