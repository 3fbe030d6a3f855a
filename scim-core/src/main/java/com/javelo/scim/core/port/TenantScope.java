package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import java.util.Set;

/** The tenants whose events a consumer may read: all of them, or a fixed set. */
public record TenantScope(boolean all, Set<TenantId> tenants) {

    public TenantScope {
        tenants = Set.copyOf(tenants);
        if (all && !tenants.isEmpty()) {
            throw new IllegalArgumentException("a scope of all tenants names none");
        }
    }

    public static TenantScope allTenants() {
        return new TenantScope(true, Set.of());
    }

    public static TenantScope of(Set<TenantId> tenants) {
        return new TenantScope(false, tenants);
    }

    public boolean includes(TenantId tenant) {
        return all || tenants.contains(tenant);
    }
}
