package com.javelo.scim.adapter.jooq.tenant;

import static com.javelo.scim.adapter.jooq.generated.Tables.API_TOKENS;
import static com.javelo.scim.adapter.jooq.generated.Tables.TENANTS;

import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Token hashes in {@code api_tokens}; a revoked token keeps its row (and its revocation instant).
 * A tenant has at most one active token: changes to a tenant's tokens take the tenant's row lock
 * first, so they run one after the other, and the unique index over {@code active_tenant_id}
 * (set only while a token is active) refuses a second active token whatever the code does.
 */
public final class JooqApiTokens implements ApiTokens {

    private final JooqContext context;

    public JooqApiTokens(JooqContext context) {
        this.context = context;
    }

    @Override
    public void replace(TenantId tenant, TokenHash hash, Instant now) {
        context.transaction(dsl -> {
            lockTenant(dsl, tenant);
            revoke(dsl, tenant, now);
            return dsl.insertInto(API_TOKENS, API_TOKENS.TENANT_ID, API_TOKENS.TOKEN_HASH, API_TOKENS.CREATED_AT,
                            API_TOKENS.ACTIVE_TENANT_ID)
                    .values(tenant.value(), hash.hex(), now.atOffset(ZoneOffset.UTC), tenant.value())
                    .execute();
        });
    }

    @Override
    public void revokeAll(TenantId tenant, Instant now) {
        context.transaction(dsl -> {
            lockTenant(dsl, tenant);
            return revoke(dsl, tenant, now);
        });
    }

    /** Serialises every change to one tenant's tokens (a regeneration waits for the one before it). */
    private static void lockTenant(DSLContext dsl, TenantId tenant) {
        dsl.select(TENANTS.ID).from(TENANTS).where(TENANTS.ID.eq(tenant.value())).forUpdate().fetch();
    }

    private static int revoke(DSLContext dsl, TenantId tenant, Instant now) {
        return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
                .setNull(API_TOKENS.ACTIVE_TENANT_ID)
                .where(API_TOKENS.TENANT_ID.eq(tenant.value()).and(API_TOKENS.REVOKED_AT.isNull()))
                .execute();
    }

    @Override
    public Optional<TenantId> findTenant(TokenHash hash) {
        return context.read(dsl -> dsl.select(API_TOKENS.TENANT_ID, API_TOKENS.TOKEN_HASH).from(API_TOKENS)
                .where(API_TOKENS.TOKEN_HASH.eq(hash.hex()).and(API_TOKENS.REVOKED_AT.isNull()))
                .fetchOptional()
                // The index found the row; the comparison that decides is constant-time.
                .filter(row -> hash.sameAs(new TokenHash(row.value2())))
                .map(row -> new TenantId(row.value1())));
    }
}
