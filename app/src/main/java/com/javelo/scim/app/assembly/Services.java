package com.javelo.scim.app.assembly;

import com.javelo.scim.adapter.jooq.JooqPersistence;
import com.javelo.scim.core.ScimApi;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.usecase.tenant.CreateTenant;
import com.javelo.scim.core.usecase.tenant.IssueApiToken;
import com.javelo.scim.core.usecase.tenant.RevokeApiToken;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The use cases wired by hand over the jOOQ adapters: what both the HTTP server and the CLI run.
 * The clock ticks in milliseconds, the precision every store keeps.
 */
public record Services(ScimApi scim, CreateTenant createTenant, IssueApiToken issueApiToken,
        RevokeApiToken revokeApiToken, JooqPersistence persistence) {

    public static Services over(JooqPersistence persistence) {
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        ScimApi scim = ScimApi.wire(new ScimApi.ScimPorts(persistence.users(), persistence.groups(),
                persistence.apiTokens(), persistence.unitOfWork(), IdGenerator.randomUuids(), clock),
                EndpointSettings.DEFAULTS);
        return new Services(scim, new CreateTenant(persistence.tenants(), clock),
                new IssueApiToken(persistence.tenants(), persistence.apiTokens(), clock),
                new RevokeApiToken(persistence.tenants(), persistence.apiTokens(), clock), persistence);
    }
}
