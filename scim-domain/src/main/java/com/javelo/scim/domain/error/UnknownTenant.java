package com.javelo.scim.domain.error;

/** No tenant with this id. */
public final class UnknownTenant extends DomainException {
    public UnknownTenant(String tenantId) {
        super("Tenant " + tenantId + " not found");
    }
}
