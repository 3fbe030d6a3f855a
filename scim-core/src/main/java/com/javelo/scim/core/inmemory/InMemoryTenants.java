package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/** Tenants kept in memory. */
public final class InMemoryTenants implements Tenants {

    private final InMemoryState state;

    InMemoryTenants(InMemoryState state) {
        this.state = state;
    }

    @Override
    public void insert(Tenant tenant) {
        state.atomically(() -> {
            state.tenants.put(tenant.id(), tenant);
        });
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return state.atomically(() -> Optional.ofNullable(state.tenants.get(id)));
    }

    @Override
    public List<Tenant> list() {
        return state.atomically(() -> List.copyOf(state.tenants.values()));
    }
}
