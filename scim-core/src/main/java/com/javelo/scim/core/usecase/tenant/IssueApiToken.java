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
    /** Marks a company admin's console token the same way, and tells it from a SCIM token. */
    static final String CONSOLE_PREFIX = "jcons_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tenants tenants;
    private final ApiTokens apiTokens;
    private final Clock clock;
    private final String prefix;

    public IssueApiToken(Tenants tenants, ApiTokens apiTokens, Clock clock) {
        this(tenants, apiTokens, clock, PREFIX);
    }

    private IssueApiToken(Tenants tenants, ApiTokens apiTokens, Clock clock, String prefix) {
        this.tenants = tenants;
        this.apiTokens = apiTokens;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** Issues company admins' console tokens into {@code consoleTokens}, the same way. */
    public static IssueApiToken forConsole(Tenants tenants, ApiTokens consoleTokens, Clock clock) {
        return new IssueApiToken(tenants, consoleTokens, clock, CONSOLE_PREFIX);
    }

    /** @return the new token, to show once */
    public String execute(TenantId tenant) {
        tenants.findById(tenant).orElseThrow(() -> new UnknownTenant(tenant.value()));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        apiTokens.replace(tenant, TokenHash.of(token), clock.instant());
        return token;
    }
}
