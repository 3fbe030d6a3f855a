package com.javelo.scim.adapter.jooq.transaction;

import com.javelo.scim.domain.error.StaleVersion;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.resource.Version;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Why a write guarded by the resource's version changed no row: the resource is gone, or it is at
 * another version than the writer read ({@link ExpectedVersion#check}). Every store asks this.
 */
public record RefusedWrite(Table<?> table, Field<String> tenant, Field<String> id, Field<Long> version) {

    /**
     * @param missing the error for a resource that is gone ({@code UnknownUser::new}, …)
     * @return the error to throw (or throws the stale version itself)
     */
    public RuntimeException explain(
            DSLContext dsl,
            TenantId tenantId,
            String resourceId,
            ExpectedVersion expected,
            Function<String, RuntimeException> missing) {
        Long current = dsl.select(version)
                .from(table)
                .where(tenant.eq(tenantId.value()).and(id.eq(resourceId)))
                .fetchOne(version);
        if (current == null) {
            return missing.apply(resourceId);
        }
        expected.check(resourceId, new Version(current));
        // Admitted now, refused a moment ago: the row was deleted and written again in between.
        return new StaleVersion(
                resourceId, expected.isAny() ? current : expected.version().value(), current);
    }
}
