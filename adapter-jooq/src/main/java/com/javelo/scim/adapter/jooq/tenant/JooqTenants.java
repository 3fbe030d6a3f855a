package com.javelo.scim.adapter.jooq.tenant;

import static com.javelo.scim.adapter.jooq.generated.Tables.TENANTS;

import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.Tenants;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Record3;

/** Tenants in the {@code tenants} table. */
public final class JooqTenants implements Tenants {

    private final JooqContext context;

    public JooqTenants(JooqContext context) {
        this.context = context;
    }

    @Override
    public void insert(Tenant tenant) {
        context.transaction(dsl -> dsl.insertInto(TENANTS, TENANTS.ID, TENANTS.NAME, TENANTS.CREATED_AT)
                .values(tenant.id().value(), tenant.name(), tenant.createdAt().atOffset(ZoneOffset.UTC))
                .execute());
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return context.read(dsl -> dsl.select(TENANTS.ID, TENANTS.NAME, TENANTS.CREATED_AT)
                .from(TENANTS)
                .where(TENANTS.ID.eq(id.value()))
                .fetchOptional(JooqTenants::tenant));
    }

    @Override
    public List<Tenant> list() {
        return context.read(dsl -> dsl.select(TENANTS.ID, TENANTS.NAME, TENANTS.CREATED_AT)
                .from(TENANTS)
                .orderBy(TENANTS.CREATED_AT, TENANTS.ID)
                .fetch(JooqTenants::tenant));
    }

    private static Tenant tenant(Record3<String, String, OffsetDateTime> row) {
        return new Tenant(new TenantId(row.value1()), row.value2(), row.value3().toInstant());
    }
}
