package com.javelo.scim.adapter.jooq.tenant;

import static com.javelo.scim.adapter.jooq.generated.Tables.API_TOKENS;
import static com.javelo.scim.adapter.jooq.generated.Tables.TENANTS;

import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.port.TokenUse;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Token hashes of one purpose in {@code api_tokens}; a revoked token keeps its row (and its
 * revocation instant). A tenant has at most one active token of each purpose: changes to a
 * tenant's tokens take the tenant's row lock first, so they run one after the other, and the
 * unique index over {@code (active_tenant_id, purpose)} ({@code active_tenant_id} is set only while
 * a token is active) refuses a second active token whatever the code does.
 */
public final class JooqApiTokens implements ApiTokens {

    /** What the store keeps of a client's User-Agent. */
    private static final int CLIENT_LENGTH = 256;

    private final JooqContext context;
    private final String purpose;

    public JooqApiTokens(JooqContext context, Purpose purpose) {
        this.context = context;
        this.purpose = purpose.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void replace(TenantId tenant, TokenHash hash, Instant now) {
        context.transaction(dsl -> {
            lockTenant(dsl, tenant);
            revoke(dsl, tenant, now);
            return dsl.insertInto(
                            API_TOKENS,
                            API_TOKENS.TENANT_ID,
                            API_TOKENS.TOKEN_HASH,
                            API_TOKENS.CREATED_AT,
                            API_TOKENS.PURPOSE,
                            API_TOKENS.ACTIVE_TENANT_ID)
                    .values(tenant.value(), hash.hex(), now.atOffset(ZoneOffset.UTC), purpose, tenant.value())
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
        dsl.select(TENANTS.ID)
                .from(TENANTS)
                .where(TENANTS.ID.eq(tenant.value()))
                .forUpdate()
                .fetch();
    }

    private int revoke(DSLContext dsl, TenantId tenant, Instant now) {
        return dsl.update(API_TOKENS)
                .set(API_TOKENS.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
                .setNull(API_TOKENS.ACTIVE_TENANT_ID)
                .where(unrevoked(tenant))
                .execute();
    }

    private Condition unrevoked(TenantId tenant) {
        return API_TOKENS
                .TENANT_ID
                .eq(tenant.value())
                .and(API_TOKENS.PURPOSE.eq(purpose))
                .and(API_TOKENS.REVOKED_AT.isNull());
    }

    @Override
    public Optional<TenantId> findTenant(TokenHash hash) {
        return context.read(dsl -> dsl.select(API_TOKENS.TENANT_ID, API_TOKENS.TOKEN_HASH)
                .from(API_TOKENS)
                .where(API_TOKENS
                        .TOKEN_HASH
                        .eq(hash.hex())
                        .and(API_TOKENS.REVOKED_AT.isNull())
                        .and(API_TOKENS.PURPOSE.eq(purpose)))
                .fetchOptional()
                // The index found the row; the comparison that decides is constant-time.
                .filter(row -> hash.sameAs(new TokenHash(row.value2())))
                .map(row -> new TenantId(row.value1())));
    }

    @Override
    public Optional<TokenUse> current(TenantId tenant) {
        return context.read(dsl -> dsl.select(API_TOKENS.CREATED_AT, API_TOKENS.LAST_USED_AT, API_TOKENS.LAST_CLIENT)
                .from(API_TOKENS)
                .where(unrevoked(tenant))
                .orderBy(API_TOKENS.ID.desc())
                .limit(1)
                .fetchOptional(row -> new TokenUse(row.value1().toInstant(), instant(row.value2()), row.value3())));
    }

    @Override
    public void recordUse(TenantId tenant, Instant usedAt, String client) {
        String kept = client == null || client.length() <= CLIENT_LENGTH ? client : client.substring(0, CLIENT_LENGTH);
        context.transaction(dsl -> dsl.update(API_TOKENS)
                .set(API_TOKENS.LAST_USED_AT, usedAt.atOffset(ZoneOffset.UTC))
                .set(API_TOKENS.LAST_CLIENT, kept)
                .where(unrevoked(tenant))
                .execute());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
