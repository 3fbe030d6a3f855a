package com.javelo.scim.core.port;

import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for tenants (companies). */
public interface Tenants {

    void insert(Tenant tenant);

    Optional<Tenant> findById(TenantId id);

    List<Tenant> list();
}
