package com.javelo.scim.domain.error;

/** No group with this id in the tenant. */
public final class UnknownGroup extends DomainException {
    public UnknownGroup(String groupId) {
        super("Group " + groupId + " not found");
    }
}
