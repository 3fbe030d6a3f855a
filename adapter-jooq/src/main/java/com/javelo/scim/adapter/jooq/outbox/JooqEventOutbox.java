package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;

import com.javelo.scim.adapter.jooq.generated.tables.records.EventsRecord;
import com.javelo.scim.adapter.jooq.transaction.JooqContext;
import com.javelo.scim.adapter.jooq.transaction.PreRendered;
import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.event.EventSubjects;
import com.javelo.scim.core.protocol.json.EventPayloadJson;
import com.javelo.scim.domain.event.DomainEvent;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.impl.DSL;

/**
 * The outbox table: stores append events inside their own transaction ({@link #append}), without
 * a position; {@link JooqEventSequencer} gives positions; readers read by position ({@link JooqEventFeed}).
 */
public final class JooqEventOutbox implements EventOutbox {

    /** The columns {@link #row} fills. */
    public static final List<Field<?>> COLUMNS = List.of(EVENTS.TENANT_ID, EVENTS.EVENT_TYPE, EVENTS.OCCURRED_AT,
            EVENTS.PAYLOAD, EVENTS.AGGREGATE_TYPE, EVENTS.AGGREGATE_ID);

    private static final ConcurrentMap<Integer, PreRendered> APPEND = new ConcurrentHashMap<>();

    private final JooqEventFeed feed;
    private final JooqEventSequencer sequencer;

    public JooqEventOutbox(JooqEventFeed feed, JooqEventSequencer sequencer) {
        this.feed = feed;
        this.sequencer = sequencer;
    }

    /** Writes events with the caller's transaction. */
    public static void append(DSLContext dsl, List<DomainEvent> events, EventDetails details) {
        if (events.isEmpty()) {
            return;
        }
        PreRendered.byShape(APPEND, events.size(), events.size(), count -> {
            InsertValuesStepN<EventsRecord> insert = DSL.insertInto(EVENTS, COLUMNS);
            for (int i = 0; i < count; i++) {
                insert = insert.values(row(i));
            }
            return PreRendered.of(insert);
        }).execute(dsl, values(events, details));
    }

    /**
     * Event number {@code index} of a statement that writes events, as the named parameters
     * {@code event<index>_tenant}, {@code _type}, {@code _occurred}, {@code _payload}, {@code _aggregate_type}
     * and {@code _aggregate_id} (values
     * from {@link #values}).
     */
    public static List<Field<?>> row(int index) {
        String prefix = prefix(index);
        return List.of(DSL.param(prefix + "tenant", EVENTS.TENANT_ID), DSL.param(prefix + "type", EVENTS.EVENT_TYPE),
                DSL.param(prefix + "occurred", EVENTS.OCCURRED_AT), DSL.param(prefix + "payload", EVENTS.PAYLOAD),
                DSL.param(prefix + "aggregate_type", EVENTS.AGGREGATE_TYPE),
                DSL.param(prefix + "aggregate_id", EVENTS.AGGREGATE_ID));
    }

    private static String prefix(int index) {
        return "event" + index + "_";
    }

    /** The values of {@link #row} for these events, in order. */
    public static Map<String, Object> values(List<DomainEvent> events, EventDetails details) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            String prefix = prefix(i);
            values.put(prefix + "tenant", event.tenantId().value());
            values.put(prefix + "type", event.type());
            values.put(prefix + "occurred", event.occurredAt().atOffset(ZoneOffset.UTC));
            values.put(prefix + "payload", EventPayloadJson.write(event, details));
            values.put(prefix + "aggregate_type", EventSubjects.resourceType(event));
            values.put(prefix + "aggregate_id", EventSubjects.resourceId(event));
        }
        return values;
    }

    /** Positions what has committed, then reads by position: nothing committed late is skipped. */
    @Override
    public List<RecordedEvent> readAfter(long position, int limit) {
        sequencer.sequence();
        return feed.readAfter(TenantScope.allTenants(), position, limit).stream()
                .map(event -> new RecordedEvent(event.position(), event.event()))
                .toList();
    }
}
