package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.domain.error.UnknownTenant;
import com.javelo.scim.domain.id.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Activates a tenant's integration, or regenerates its token: a new 256-bit random token is
 * returned once and only its hash is stored; the previous token stops working at once.
 */
public final class IssueApiToken {

    /** Marks Javelo SCIM tokens so that secret scanners and people can recognise a leaked one. */
    static final String PREFIX = "jscim_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tenants tenants;
    private final ApiTokens apiTokens;
    private final Clock clock;

    public IssueApiToken(Tenants tenants, ApiTokens apiTokens, Clock clock) {
        this.tenants = tenants;
        this.apiTokens = apiTokens;
        this.clock = clock;
    }

    /** @return the new token, to show once */
    public String execute(TenantId tenant) {
        tenants.findById(tenant).orElseThrow(() -> new UnknownTenant(tenant.value()));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        apiTokens.replace(tenant, TokenHash.of(token), clock.instant());
        return token;
    }
}
