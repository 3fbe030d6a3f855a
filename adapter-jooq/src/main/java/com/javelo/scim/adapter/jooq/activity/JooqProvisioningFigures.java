package com.javelo.scim.adapter.jooq.activity;

import static com.javelo.scim.adapter.jooq.generated.Tables.SCIM_GROUPS;
import static com.javelo.scim.adapter.jooq.generated.Tables.USERS;

import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.ProvisioningFigures;
import com.javelo.scim.domain.id.TenantId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Counts over {@code users} and {@code scim_groups}, each one indexed query per tenant. */
public final class JooqProvisioningFigures implements ProvisioningFigures {

    private final JooqContext context;

    public JooqProvisioningFigures(JooqContext context) {
        this.context = context;
    }

    @Override
    public Figures figures(TenantId tenant) {
        return context.read(dsl -> {
            var users = dsl.select(
                            DSL.count().filterWhere(USERS.ACTIVE.isTrue()),
                            DSL.count().filterWhere(USERS.ACTIVE.isFalse()),
                            DSL.count().filterWhere(pending()))
                    .from(USERS)
                    .where(USERS.TENANT_ID.eq(tenant.value()))
                    .fetchOne();
            int groups = dsl.fetchCount(SCIM_GROUPS, SCIM_GROUPS.TENANT_ID.eq(tenant.value()));
            return new Figures(users.value1(), users.value2(), groups, users.value3());
        });
    }

    @Override
    public List<PendingManager> pendingManagers(TenantId tenant, int limit) {
        return context.read(dsl -> dsl.select(USERS.ID, USERS.USER_NAME, USERS.MANAGER_VALUE)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenant.value()).and(pending()))
                .orderBy(USERS.USER_NAME_KEY)
                .limit(limit)
                .fetch(row -> new PendingManager(row.value1(), row.value2(), row.value3())));
    }

    private static Condition pending() {
        return USERS.MANAGER_VALUE.isNotNull().and(USERS.MANAGER_ID.isNull());
    }
}
