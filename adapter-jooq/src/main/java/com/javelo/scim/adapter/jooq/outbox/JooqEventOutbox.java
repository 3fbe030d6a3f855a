package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;

import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.adapter.jooq.transaction.PreRendered;
import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.core.protocol.json.DomainEventJson;
import com.javelo.scim.domain.event.DomainEvent;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The outbox table: stores append events inside their own transaction ({@link #append}); other
 * services read them in position order ({@link #readAfter}).
 */
public final class JooqEventOutbox implements EventOutbox {

    private static final PreRendered APPEND_ONE = PreRendered.of(DSL.insertInto(EVENTS,
                    EVENTS.TENANT_ID, EVENTS.EVENT_TYPE, EVENTS.OCCURRED_AT, EVENTS.PAYLOAD)
            .values(DSL.param("tenant", EVENTS.TENANT_ID), DSL.param("type", EVENTS.EVENT_TYPE),
                    DSL.param("occurred", EVENTS.OCCURRED_AT), DSL.param("payload", EVENTS.PAYLOAD)));

    private final JooqContext context;

    public JooqEventOutbox(JooqContext context) {
        this.context = context;
    }

    /** Writes events with the caller's transaction. */
    public static void append(DSLContext dsl, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() == 1) { // most changes record one event: the statement rendered once
            DomainEvent event = events.get(0);
            APPEND_ONE.execute(dsl, Map.of("tenant", event.tenantId().value(), "type", event.type(),
                    "occurred", event.occurredAt().atOffset(ZoneOffset.UTC), "payload", DomainEventJson.write(event)));
            return;
        }
        var insert = dsl.insertInto(EVENTS, EVENTS.TENANT_ID, EVENTS.EVENT_TYPE, EVENTS.OCCURRED_AT, EVENTS.PAYLOAD);
        for (DomainEvent event : events) {
            insert = insert.values(event.tenantId().value(), event.type(), event.occurredAt().atOffset(ZoneOffset.UTC),
                    DomainEventJson.write(event));
        }
        insert.execute();
    }

    @Override
    public List<RecordedEvent> readAfter(long position, int limit) {
        return context.read(dsl -> dsl.select(EVENTS.ID, EVENTS.EVENT_TYPE, EVENTS.PAYLOAD)
                .from(EVENTS)
                .where(EVENTS.ID.gt(position))
                .orderBy(EVENTS.ID)
                .limit(limit)
                .fetch(row -> new RecordedEvent(row.value1(), DomainEventJson.read(row.value2(), row.value3()))));
    }
}
