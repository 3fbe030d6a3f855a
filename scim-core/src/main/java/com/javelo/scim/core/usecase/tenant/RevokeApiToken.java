package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.id.TenantId;
import java.time.Clock;

/** Deactivates a tenant's integration: its token stops working at once. */
public final class RevokeApiToken {

    private final Tenants tenants;
    private final ApiTokens apiTokens;
    private final Clock clock;

    public RevokeApiToken(Tenants tenants, ApiTokens apiTokens, Clock clock) {
        this.tenants = tenants;
        this.apiTokens = apiTokens;
        this.clock = clock;
    }

    public void execute(TenantId tenant) {
        tenants.findById(tenant).orElseThrow(() -> new UnknownTenant(tenant.value()));
        apiTokens.revokeAll(tenant, clock.instant());
    }
}
