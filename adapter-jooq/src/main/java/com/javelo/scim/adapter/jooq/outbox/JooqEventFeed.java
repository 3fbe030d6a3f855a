package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;
import static com.javelo.scim.adapter.jooq.generated.Tables.EVENT_ACKS;
import static com.javelo.scim.adapter.jooq.generated.Tables.EVENT_CONSUMERS;
import static com.javelo.scim.adapter.jooq.generated.Tables.EVENT_CONSUMER_TENANTS;

import com.javelo.scim.adapter.jooq.generated.tables.records.EventConsumersRecord;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.core.port.EventConsumer;
import com.javelo.scim.core.port.EventFeed;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.port.TokenHash;
import com.javelo.scim.core.protocol.event.FeedEvent;
import com.javelo.scim.core.protocol.json.EventPayloadJson;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.impl.DSL;

/**
 * The event feed on the outbox table: events read by position (given by {@link JooqEventSequencer}),
 * consumers and their acknowledgements (everything up to {@code acked_position}, plus single
 * acknowledgements beyond it in {@code event_acks}).
 */
public final class JooqEventFeed implements EventFeed {

    private final JooqContext context;

    public JooqEventFeed(JooqContext context) {
        this.context = context;
    }

    @Override
    public List<FeedEvent> readAfter(TenantScope scope, long position, int limit) {
        return context.read(
                dsl -> dsl.select(EVENTS.POSITION, EVENTS.ID, EVENTS.EVENT_TYPE, EVENTS.PAYLOAD, EVENTS.TENANT_ID)
                        .from(EVENTS)
                        .where(EVENTS.POSITION.gt(position))
                        .and(inScope(scope))
                        .orderBy(EVENTS.POSITION)
                        .limit(limit)
                        .fetch(JooqEventFeed::feedEvent));
    }

    @Override
    public EventConsumer register(String name, TenantScope scope, TokenHash tokenHash, Instant now) {
        String id = UUID.randomUUID().toString();
        context.transaction(dsl -> {
            dsl.insertInto(EVENT_CONSUMERS)
                    .set(EVENT_CONSUMERS.ID, id)
                    .set(EVENT_CONSUMERS.NAME, name)
                    .set(EVENT_CONSUMERS.ALL_TENANTS, scope.all())
                    .set(EVENT_CONSUMERS.TOKEN_HASH, tokenHash.hex())
                    .set(EVENT_CONSUMERS.ACKED_POSITION, 0L)
                    .set(EVENT_CONSUMERS.EXPIRED_UNACKNOWLEDGED, 0L)
                    .set(EVENT_CONSUMERS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .execute();
            for (TenantId tenant : scope.tenants()) {
                dsl.insertInto(EVENT_CONSUMER_TENANTS)
                        .set(EVENT_CONSUMER_TENANTS.CONSUMER_ID, id)
                        .set(EVENT_CONSUMER_TENANTS.TENANT_ID, tenant.value())
                        .execute();
            }
            return null;
        });
        return new EventConsumer(id, name, scope, now, 0, 0);
    }

    @Override
    public Optional<EventConsumer> findConsumer(TokenHash tokenHash) {
        return context.read(dsl -> dsl.selectFrom(EVENT_CONSUMERS)
                .where(EVENT_CONSUMERS.TOKEN_HASH.eq(tokenHash.hex()).and(EVENT_CONSUMERS.REVOKED_AT.isNull()))
                .fetchOptional()
                .map(row -> consumer(row, tenantsOf(dsl, List.of(row.getId())))));
    }

    @Override
    public List<EventConsumer> consumers() {
        return context.read(dsl -> {
            List<EventConsumersRecord> rows = dsl.selectFrom(EVENT_CONSUMERS)
                    .where(EVENT_CONSUMERS.REVOKED_AT.isNull())
                    .orderBy(EVENT_CONSUMERS.CREATED_AT, EVENT_CONSUMERS.ID)
                    .fetch();
            Map<String, Set<TenantId>> tenants = tenantsOf(
                    dsl, rows.stream().map(EventConsumersRecord::getId).toList());
            return rows.stream().map(row -> consumer(row, tenants)).toList();
        });
    }

    @Override
    public boolean revoke(String consumerId) {
        return context.statement(dsl -> dsl.update(EVENT_CONSUMERS)
                        .set(EVENT_CONSUMERS.REVOKED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                        .where(EVENT_CONSUMERS.ID.eq(consumerId).and(EVENT_CONSUMERS.REVOKED_AT.isNull()))
                        .execute())
                > 0;
    }

    @Override
    public List<FeedEvent> unacknowledged(EventConsumer consumer, int limit) {
        return context.read(dsl -> {
            long acked = dsl.select(EVENT_CONSUMERS.ACKED_POSITION)
                    .from(EVENT_CONSUMERS)
                    .where(EVENT_CONSUMERS.ID.eq(consumer.id()))
                    .fetchOptional(EVENT_CONSUMERS.ACKED_POSITION)
                    .orElse(Long.MAX_VALUE);
            return dsl.select(EVENTS.POSITION, EVENTS.ID, EVENTS.EVENT_TYPE, EVENTS.PAYLOAD, EVENTS.TENANT_ID)
                    .from(EVENTS)
                    .where(EVENTS.POSITION.gt(acked))
                    .and(inScope(consumer.scope()))
                    .and(notAcknowledgedBy(consumer))
                    .orderBy(EVENTS.POSITION)
                    .limit(limit)
                    .fetch(JooqEventFeed::feedEvent);
        });
    }

    @Override
    public void acknowledge(EventConsumer consumer, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        context.transaction(dsl -> {
            // One acknowledgement at a time per consumer: the consumer's row is the lock.
            long acked = dsl.select(EVENT_CONSUMERS.ACKED_POSITION)
                    .from(EVENT_CONSUMERS)
                    .where(EVENT_CONSUMERS.ID.eq(consumer.id()))
                    .forUpdate()
                    .fetchOptional(EVENT_CONSUMERS.ACKED_POSITION)
                    .orElse(-1L);
            if (acked < 0) {
                return null;
            }
            Long[] ids = new HashSet<>(eventIds).toArray(Long[]::new);
            Long newest = acknowledgesEverythingUpTo(dsl, consumer, acked, ids);
            if (newest != null) {
                // The usual case, a consumer acknowledging what it was just given, in order: the
                // position moves, and no acknowledgement is written one by one.
                dsl.update(EVENT_CONSUMERS)
                        .set(EVENT_CONSUMERS.ACKED_POSITION, newest)
                        .where(EVENT_CONSUMERS.ID.eq(consumer.id()))
                        .execute();
                dsl.deleteFrom(EVENT_ACKS)
                        .where(EVENT_ACKS.CONSUMER_ID.eq(consumer.id()).and(EVENT_ACKS.POSITION.le(newest)))
                        .execute();
                return null;
            }
            dsl.insertInto(EVENT_ACKS, EVENT_ACKS.CONSUMER_ID, EVENT_ACKS.EVENT_ID, EVENT_ACKS.POSITION)
                    .select(DSL.select(DSL.val(consumer.id()), EVENTS.ID, EVENTS.POSITION)
                            .from(EVENTS)
                            .where(EVENTS.ID.eq(DSL.any(ids)))
                            .and(EVENTS.POSITION.gt(acked))
                            .and(inScope(consumer.scope()))
                            .and(notAcknowledgedBy(consumer)))
                    .execute();
            // Everything before the oldest event still unacknowledged is acknowledged.
            Long oldestUnacknowledged = dsl.select(DSL.min(EVENTS.POSITION))
                    .from(EVENTS)
                    .where(EVENTS.POSITION.gt(acked))
                    .and(inScope(consumer.scope()))
                    .and(notAcknowledgedBy(consumer))
                    .fetchOne(0, Long.class);
            Long newestAcknowledged = dsl.select(DSL.max(EVENT_ACKS.POSITION))
                    .from(EVENT_ACKS)
                    .where(EVENT_ACKS.CONSUMER_ID.eq(consumer.id()))
                    .fetchOne(0, Long.class);
            long advanced = oldestUnacknowledged != null
                    ? oldestUnacknowledged - 1
                    : newestAcknowledged != null ? Math.max(acked, newestAcknowledged) : acked;
            if (advanced > acked) {
                dsl.update(EVENT_CONSUMERS)
                        .set(EVENT_CONSUMERS.ACKED_POSITION, advanced)
                        .where(EVENT_CONSUMERS.ID.eq(consumer.id()))
                        .execute();
                dsl.deleteFrom(EVENT_ACKS)
                        .where(EVENT_ACKS.CONSUMER_ID.eq(consumer.id()).and(EVENT_ACKS.POSITION.le(advanced)))
                        .execute();
            }
            return null;
        });
    }

    /**
     * @return the newest position among {@code ids} when they are exactly the consumer's events
     *     still unacknowledged up to it (so that everything up to it is acknowledged), else null
     */
    private static Long acknowledgesEverythingUpTo(DSLContext dsl, EventConsumer consumer, long acked, Long[] ids) {
        Record2<Long, Integer> given = dsl.select(DSL.max(EVENTS.POSITION), DSL.count())
                .from(EVENTS)
                .where(EVENTS.ID.eq(DSL.any(ids)))
                .and(EVENTS.POSITION.gt(acked))
                .and(inScope(consumer.scope()))
                .and(notAcknowledgedBy(consumer))
                .fetchSingle();
        Long newest = given.value1();
        if (newest == null) {
            return null;
        }
        int pending = dsl.fetchCount(DSL.selectOne()
                .from(EVENTS)
                .where(EVENTS.POSITION.gt(acked))
                .and(EVENTS.POSITION.le(newest))
                .and(inScope(consumer.scope()))
                .and(notAcknowledgedBy(consumer)));
        return pending == given.value2() ? newest : null;
    }

    @Override
    public long purgeOccurredBefore(Instant cutoff) {
        return context.transaction(dsl -> {
            Condition expired =
                    EVENTS.OCCURRED_AT.lt(cutoff.atOffset(ZoneOffset.UTC)).and(EVENTS.POSITION.isNotNull());
            List<EventConsumersRecord> rows = dsl.selectFrom(EVENT_CONSUMERS)
                    .where(EVENT_CONSUMERS.REVOKED_AT.isNull())
                    .forUpdate()
                    .fetch();
            Map<String, Set<TenantId>> tenants = tenantsOf(
                    dsl, rows.stream().map(EventConsumersRecord::getId).toList());
            long lost = 0;
            for (EventConsumersRecord row : rows) {
                EventConsumer consumer = consumer(row, tenants);
                int unacknowledged = dsl.fetchCount(dsl.selectOne()
                        .from(EVENTS)
                        .where(expired)
                        .and(EVENTS.POSITION.gt(row.getAckedPosition()))
                        .and(inScope(consumer.scope()))
                        .and(notAcknowledgedBy(consumer)));
                if (unacknowledged > 0) {
                    dsl.update(EVENT_CONSUMERS)
                            .set(
                                    EVENT_CONSUMERS.EXPIRED_UNACKNOWLEDGED,
                                    EVENT_CONSUMERS.EXPIRED_UNACKNOWLEDGED.plus(unacknowledged))
                            .where(EVENT_CONSUMERS.ID.eq(row.getId()))
                            .execute();
                    lost += unacknowledged;
                }
            }
            dsl.deleteFrom(EVENT_ACKS)
                    .where(EVENT_ACKS.EVENT_ID.in(
                            DSL.select(EVENTS.ID).from(EVENTS).where(expired)))
                    .execute();
            dsl.deleteFrom(EVENTS).where(expired).execute();
            return lost;
        });
    }

    private static Condition inScope(TenantScope scope) {
        if (scope.all()) {
            return DSL.noCondition();
        }
        return EVENTS.TENANT_ID.in(scope.tenants().stream().map(TenantId::value).toList());
    }

    private static Condition notAcknowledgedBy(EventConsumer consumer) {
        return DSL.notExists(DSL.selectOne()
                .from(EVENT_ACKS)
                .where(EVENT_ACKS.CONSUMER_ID.eq(consumer.id()).and(EVENT_ACKS.EVENT_ID.eq(EVENTS.ID))));
    }

    private static FeedEvent feedEvent(Record5<Long, Long, String, String, String> row) {
        EventPayloadJson.Stored stored = EventPayloadJson.read(row.value3(), row.value4());
        return new FeedEvent(row.value1(), row.value2(), stored.event(), stored.details());
    }

    private static Map<String, Set<TenantId>> tenantsOf(DSLContext dsl, List<String> consumerIds) {
        Map<String, Set<TenantId>> tenants = new HashMap<>();
        if (consumerIds.isEmpty()) {
            return tenants;
        }
        dsl.select(EVENT_CONSUMER_TENANTS.CONSUMER_ID, EVENT_CONSUMER_TENANTS.TENANT_ID)
                .from(EVENT_CONSUMER_TENANTS)
                .where(EVENT_CONSUMER_TENANTS.CONSUMER_ID.in(consumerIds))
                .forEach(row -> tenants.computeIfAbsent(row.value1(), id -> new HashSet<>())
                        .add(new TenantId(row.value2())));
        return tenants;
    }

    private static EventConsumer consumer(EventConsumersRecord row, Map<String, Set<TenantId>> tenants) {
        TenantScope scope = row.getAllTenants()
                ? TenantScope.allTenants()
                : TenantScope.of(tenants.getOrDefault(row.getId(), Set.of()));
        return new EventConsumer(
                row.getId(),
                row.getName(),
                scope,
                row.getCreatedAt().toInstant(),
                row.getAckedPosition(),
                row.getExpiredUnacknowledged());
    }
}
