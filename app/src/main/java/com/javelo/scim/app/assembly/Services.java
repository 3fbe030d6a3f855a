package com.javelo.scim.app.assembly;

import com.javelo.scim.adapter.jooq.JooqPersistence;
import com.javelo.scim.app.events.EventSigner;
import com.javelo.scim.core.ScimApi;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.protocol.paging.CursorCodec;
import com.javelo.scim.core.usecase.tenant.CreateTenant;
import com.javelo.scim.core.usecase.tenant.DeclareCustomAttributes;
import com.javelo.scim.core.usecase.tenant.IssueApiToken;
import com.javelo.scim.core.usecase.tenant.RevokeApiToken;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * The use cases wired by hand over the jOOQ adapters: what both the HTTP server and the CLI run.
 * The clock ticks in milliseconds, the precision every store keeps.
 */
public record Services(
        ScimApi scim,
        CreateTenant createTenant,
        IssueApiToken issueApiToken,
        RevokeApiToken revokeApiToken,
        JooqPersistence persistence,
        CachingApiTokens apiTokens,
        IssueApiToken issueConsoleToken,
        RevokeApiToken revokeConsoleToken,
        ApiTokens consoleTokens,
        CachingCustomSchemas customSchemas,
        DeclareCustomAttributes declareCustomAttributes) {

    private static final String CURSOR_KEY_PURPOSE = "javelo-scim/list-cursor/v1";

    /**
     * @param tokenCacheTtl how long an accepted API token is remembered (zero: never); one cache
     *     serves authentication and token rotation, so a rotation forgets the old token at once
     */
    public static Services over(JooqPersistence persistence, Duration tokenCacheTtl) {
        return over(persistence, tokenCacheTtl, TokenRevocations.NONE, EndpointSettings.DEFAULTS);
    }

    /**
     * @param revocations how token changes reach the other instances: they are announced there, and
     *     the other instances' changes are heard from there (subscribed here)
     * @param settings the protocol's limits (the server sets the bulk payload limit to its body limit)
     */
    public static Services over(
            JooqPersistence persistence,
            Duration tokenCacheTtl,
            TokenRevocations revocations,
            EndpointSettings settings) {
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        CachingApiTokens apiTokens = CachingApiTokens.over(persistence.apiTokens(), tokenCacheTtl, revocations);
        // Console tokens are looked up on every admin request, uncached: a company admin's few
        // requests do not need it, and a revoked console token then stops at once everywhere.
        ApiTokens consoleTokens = persistence.consoleTokens();
        // Read at the first cursor, once migrated: every instance derives the same key from the
        // stored event signing key, so a cursor issued by one is read by any other.
        CursorCodec cursors = new CursorCodec(
                () -> EventSigner.loadOrCreate(persistence.signingKeys(), clock).derivedSecret(CURSOR_KEY_PURPOSE),
                clock,
                settings.cursorTimeout());
        CachingCustomSchemas customSchemas =
                new CachingCustomSchemas(persistence.customSchemas(), revocations, persistence.unitOfWork());
        ScimApi scim = ScimApi.wire(
                new ScimApi.ScimPorts(
                        persistence.users(),
                        persistence.groups(),
                        apiTokens,
                        persistence.unitOfWork(),
                        IdGenerator.randomUuids(),
                        clock,
                        customSchemas),
                settings,
                cursors);
        return new Services(
                scim,
                new CreateTenant(persistence.tenants(), clock),
                new IssueApiToken(persistence.tenants(), apiTokens, clock),
                new RevokeApiToken(persistence.tenants(), apiTokens, clock),
                persistence,
                apiTokens,
                IssueApiToken.forConsole(persistence.tenants(), consoleTokens, clock),
                new RevokeApiToken(persistence.tenants(), consoleTokens, clock),
                consoleTokens,
                customSchemas,
                new DeclareCustomAttributes(
                        persistence.tenants(), customSchemas, persistence.users(), persistence.unitOfWork()));
    }
}
