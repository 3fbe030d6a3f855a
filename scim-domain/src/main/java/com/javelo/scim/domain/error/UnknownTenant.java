package com.javelo.scim.domain.error;

/** No tenant with this id. */
public final class UnknownTenant extends DomainException {

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.unknownTenant(this);
    }

    public UnknownTenant(String tenantId) {
        super("Tenant " + tenantId + " not found");
    }
}
