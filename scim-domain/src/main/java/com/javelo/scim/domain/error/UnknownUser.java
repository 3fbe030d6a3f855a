package com.javelo.scim.domain.error;

/** No user with this id in the tenant (it may exist in another tenant; that is not said). */
public final class UnknownUser extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.unknownUser(this);
    }

    public UnknownUser(String userId) {
        super("User " + userId + " not found");
    }
}
