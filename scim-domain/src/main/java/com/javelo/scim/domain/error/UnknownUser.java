package com.javelo.scim.domain.error;

/** No user with this id in the tenant (it may exist in another tenant; that is not said). */
public final class UnknownUser extends DomainException {
    public UnknownUser(String userId) {
        super("User " + userId + " not found");
    }
}
