package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENT_SIGNING_KEYS;

import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.SigningKeys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** The signing key in its one-row table; two instances starting together keep the first one stored. */
public final class JooqSigningKeys implements SigningKeys {

    private final JooqContext context;

    public JooqSigningKeys(JooqContext context) {
        this.context = context;
    }

    @Override
    public String loadOrCreate(Supplier<String> newKey, Instant now) {
        return context.read(dsl -> dsl.select(EVENT_SIGNING_KEYS.JWK)
                        .from(EVENT_SIGNING_KEYS)
                        .where(EVENT_SIGNING_KEYS.ID.eq(1))
                        .fetchOptional(EVENT_SIGNING_KEYS.JWK))
                .orElseGet(() -> {
                    context.statement(dsl -> dsl.insertInto(EVENT_SIGNING_KEYS)
                            .set(EVENT_SIGNING_KEYS.ID, 1)
                            .set(EVENT_SIGNING_KEYS.JWK, newKey.get())
                            .set(EVENT_SIGNING_KEYS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                            .onConflictDoNothing()
                            .execute());
                    return context.read(dsl -> dsl.select(EVENT_SIGNING_KEYS.JWK)
                            .from(EVENT_SIGNING_KEYS)
                            .where(EVENT_SIGNING_KEYS.ID.eq(1))
                            .fetchSingle(EVENT_SIGNING_KEYS.JWK));
                });
    }
}
