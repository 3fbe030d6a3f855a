package com.javelo.scim.domain.error;

/** No group with this id in the tenant. */
public final class UnknownGroup extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.unknownGroup(this);
    }

    public UnknownGroup(String groupId) {
        super("Group " + groupId + " not found");
    }
}
