package com.javelo.scim.adapter.jooq.activity;

import static com.javelo.scim.adapter.jooq.generated.Tables.ACTIVITY_LOG;
import static com.javelo.scim.adapter.jooq.generated.Tables.ACTIVITY_READS;

import com.javelo.scim.adapter.jooq.generated.tables.records.ActivityLogRecord;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.core.port.ActivityLog;
import com.javelo.scim.core.port.ActivityQuery;
import com.javelo.scim.core.port.ReadCount;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The activity log in {@code activity_log} (one row per entry) and {@code activity_reads} (one
 * row per tenant and minute), written in batches by the background writer.
 */
public final class JooqActivityLog implements ActivityLog {

    private final JooqContext context;

    public JooqActivityLog(JooqContext context) {
        this.context = context;
    }

    @Override
    public void append(List<ActivityEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        context.transaction(dsl -> {
            var insert = dsl.insertInto(
                    ACTIVITY_LOG,
                    ACTIVITY_LOG.TENANT_ID,
                    ACTIVITY_LOG.OCCURRED_AT,
                    ACTIVITY_LOG.CLIENT,
                    ACTIVITY_LOG.METHOD,
                    ACTIVITY_LOG.RESOURCE_TYPE,
                    ACTIVITY_LOG.RESOURCE_ID,
                    ACTIVITY_LOG.RESOURCE_NAME,
                    ACTIVITY_LOG.STATUS,
                    ACTIVITY_LOG.SCIM_TYPE,
                    ACTIVITY_LOG.DETAIL,
                    ACTIVITY_LOG.DURATION_MS,
                    ACTIVITY_LOG.REQUEST_ID);
            for (ActivityEntry entry : entries) {
                insert = insert.values(
                        entry.tenant().value(),
                        entry.occurredAt().atOffset(ZoneOffset.UTC),
                        cut(entry.client(), 256),
                        entry.method(),
                        cut(entry.resourceType(), 32),
                        cut(entry.resourceId(), 128),
                        cut(entry.resourceName(), 1024),
                        entry.status(),
                        cut(entry.scimType(), 64),
                        cut(entry.detail(), 2048),
                        entry.durationMillis(),
                        cut(entry.requestId(), 64));
            }
            return insert.execute();
        });
    }

    @Override
    public void countReads(List<ReadCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        context.transaction(dsl -> {
            for (ReadCount count : counts) {
                dsl.insertInto(
                                ACTIVITY_READS,
                                ACTIVITY_READS.TENANT_ID,
                                ACTIVITY_READS.MINUTE_START,
                                ACTIVITY_READS.READS)
                        .values(count.tenant().value(), count.minute().atOffset(ZoneOffset.UTC), count.reads())
                        .onConflict(ACTIVITY_READS.TENANT_ID, ACTIVITY_READS.MINUTE_START)
                        .doUpdate()
                        .set(ACTIVITY_READS.READS, ACTIVITY_READS.READS.plus(count.reads()))
                        .execute();
            }
            return null;
        });
    }

    @Override
    public List<ActivityEntry> page(TenantId tenant, ActivityQuery query) {
        Condition condition = ACTIVITY_LOG.TENANT_ID.eq(tenant.value());
        if (query.errorsOnly()) {
            condition = condition.and(ACTIVITY_LOG.STATUS.ge(400));
        }
        if (query.before() != null) {
            condition = condition.and(ACTIVITY_LOG.ID.lt(query.before()));
        }
        Condition where = condition;
        return context.read(dsl -> dsl.selectFrom(ACTIVITY_LOG)
                .where(where)
                .orderBy(ACTIVITY_LOG.ID.desc())
                .limit(query.limit())
                .fetch(JooqActivityLog::entry));
    }

    @Override
    public long readsSince(TenantId tenant, Instant since) {
        return context.read(dsl -> dsl.select(
                        DSL.coalesce(DSL.sum(ACTIVITY_READS.READS), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(ACTIVITY_READS)
                .where(ACTIVITY_READS
                        .TENANT_ID
                        .eq(tenant.value())
                        .and(ACTIVITY_READS.MINUTE_START.ge(since.atOffset(ZoneOffset.UTC))))
                .fetchOne(0, Long.class));
    }

    @Override
    public long purge(Instant before, int keepPerTenant) {
        return context.transaction(dsl -> {
            long deleted = dsl.deleteFrom(ACTIVITY_LOG)
                    .where(ACTIVITY_LOG.OCCURRED_AT.lt(before.atOffset(ZoneOffset.UTC)))
                    .execute();
            dsl.deleteFrom(ACTIVITY_READS)
                    .where(ACTIVITY_READS.MINUTE_START.lt(before.atOffset(ZoneOffset.UTC)))
                    .execute();
            List<String> crowded = dsl.select(ACTIVITY_LOG.TENANT_ID)
                    .from(ACTIVITY_LOG)
                    .groupBy(ACTIVITY_LOG.TENANT_ID)
                    .having(DSL.count().gt(keepPerTenant))
                    .fetch(ACTIVITY_LOG.TENANT_ID);
            for (String tenant : crowded) {
                // The newest entry beyond the bound: it and everything older go.
                Long cutoff = dsl.select(ACTIVITY_LOG.ID)
                        .from(ACTIVITY_LOG)
                        .where(ACTIVITY_LOG.TENANT_ID.eq(tenant))
                        .orderBy(ACTIVITY_LOG.ID.desc())
                        .offset(keepPerTenant)
                        .limit(1)
                        .fetchOne(ACTIVITY_LOG.ID);
                if (cutoff != null) {
                    deleted += dsl.deleteFrom(ACTIVITY_LOG)
                            .where(ACTIVITY_LOG.TENANT_ID.eq(tenant).and(ACTIVITY_LOG.ID.le(cutoff)))
                            .execute();
                }
            }
            return deleted;
        });
    }

    private static ActivityEntry entry(ActivityLogRecord row) {
        return new ActivityEntry(
                row.getId(),
                new TenantId(row.getTenantId()),
                row.getOccurredAt().toInstant(),
                row.getClient(),
                row.getMethod(),
                row.getResourceType(),
                row.getResourceId(),
                row.getResourceName(),
                row.getStatus(),
                row.getScimType(),
                row.getDetail(),
                row.getDurationMs(),
                row.getRequestId());
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
