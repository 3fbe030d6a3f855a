package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.protocol.schema.InputLimits;
import com.javelo.scim.core.protocol.schema.ScimSchemas;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import java.time.Clock;

/** Registers a company so that it can activate its integration. */
public final class CreateTenant {

    private final Tenants tenants;
    private final Clock clock;

    public CreateTenant(Tenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    public Tenant execute(String name) {
        InputLimits.checkString(ScimSchemas.TENANT_NAME, name, "name");
        Tenant tenant = new Tenant(TenantId.random(), name, clock.instant());
        tenants.insert(tenant);
        return tenant;
    }
}
