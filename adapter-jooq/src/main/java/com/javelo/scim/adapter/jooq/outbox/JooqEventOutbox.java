package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;

import com.javelo.scim.adapter.jooq.generated.tables.records.EventsRecord;
import com.javelo.scim.adapter.jooq.sql.PreRendered;
import com.javelo.scim.adapter.jooq.sql.RowParams;
import com.javelo.scim.core.port.EventOutbox;
import com.javelo.scim.core.port.RecordedEvent;
import com.javelo.scim.core.port.TenantScope;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.core.protocol.event.EventSubjects;
import com.javelo.scim.core.protocol.json.EventPayloadJson;
import com.javelo.scim.domain.event.DomainEvent;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.impl.DSL;

/**
 * The outbox table: stores append events inside their own transaction ({@link #append}), without
 * a position; {@link JooqEventSequencer} gives positions; readers read by position ({@link JooqEventFeed}).
 */
public final class JooqEventOutbox implements EventOutbox {

    /** One event and what its payload says of the request that caused it. */
    public record EventRow(DomainEvent event, EventDetails details) {}

    /** An event's row: statements that write events repeat it once per event. */
    public static final RowParams<EventRow> ROW = RowParams.<EventRow>named("event")
            .column(EVENTS.TENANT_ID, row -> row.event().tenantId().value())
            .column(EVENTS.EVENT_TYPE, row -> row.event().type())
            .column(EVENTS.OCCURRED_AT, row -> row.event().occurredAt().atOffset(ZoneOffset.UTC))
            .column(EVENTS.PAYLOAD, row -> EventPayloadJson.write(row.event(), row.details()))
            .column(EVENTS.AGGREGATE_TYPE, row -> EventSubjects.resourceType(row.event()))
            .column(EVENTS.AGGREGATE_ID, row -> EventSubjects.resourceId(row.event()))
            .build();

    /** The insert of n events, with the parameters of its rows. */
    private record Append(PreRendered statement, RowParams.Rows<EventRow> rows) {}

    private static final ConcurrentMap<Integer, Append> APPEND = new ConcurrentHashMap<>();

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
        Append append = PreRendered.byShape(APPEND, events.size(), events.size(), count -> {
            RowParams.Rows<EventRow> rows = ROW.rows(count);
            InsertValuesStepN<EventsRecord> insert = DSL.insertInto(EVENTS, ROW.columns());
            for (int i = 0; i < count; i++) {
                insert = insert.values(rows.fields(i));
            }
            return new Append(PreRendered.of(insert, rows), rows);
        });
        append.statement().call().withRows(append.rows(), rows(events, details)).execute(dsl);
    }

    /** The rows of {@link #ROW} for these events, in order. */
    public static List<EventRow> rows(List<DomainEvent> events, EventDetails details) {
        return events.stream().map(event -> new EventRow(event, details)).toList();
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
