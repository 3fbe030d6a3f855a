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
 * The outbox table: stores append events inside their own transaction ({@link #append}), positioned
 * there on H2 and by {@link JooqEventSequencer} once committed on PostgreSQL ({@link EventPositions});
 * readers read by position ({@link JooqEventFeed}).
 */
public final class JooqEventOutbox implements EventOutbox {

    /**
     * One event, what its payload says of the request that caused it, and its position when it is
     * given at insert (null when the sequencer gives it).
     */
    public record EventRow(DomainEvent event, EventDetails details, Long position) {}

    /**
     * An event's row, positioned later by the sequencer: statements that write events repeat it
     * once per event.
     */
    public static final RowParams<EventRow> ROW = eventRow().build();

    /** An event's row with its position, where events are positioned at insert. */
    static final RowParams<EventRow> POSITIONED_ROW =
            eventRow().column(EVENTS.POSITION, EventRow::position).build();

    private static RowParams.Builder<EventRow> eventRow() {
        return RowParams.<EventRow>named("event")
                .column(EVENTS.TENANT_ID, row -> row.event().tenantId().value())
                .column(EVENTS.EVENT_TYPE, row -> row.event().type())
                .column(EVENTS.OCCURRED_AT, row -> row.event().occurredAt().atOffset(ZoneOffset.UTC))
                .column(EVENTS.PAYLOAD, row -> EventPayloadJson.write(row.event(), row.details()))
                .column(EVENTS.AGGREGATE_TYPE, row -> EventSubjects.resourceType(row.event()))
                .column(EVENTS.AGGREGATE_ID, row -> EventSubjects.resourceId(row.event()));
    }

    /** The insert of n events, with the parameters of its rows. */
    private record Append(PreRendered statement, RowParams.Rows<EventRow> rows) {}

    /** The shape of an insert of events: which row it repeats, how many times. */
    private record AppendShape(RowParams<EventRow> row, int count) {}

    private static final ConcurrentMap<AppendShape, Append> APPEND = new ConcurrentHashMap<>();

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
        EventPositions positions = EventPositions.forDialect(dsl.dialect());
        AppendShape shape = new AppendShape(positions.row(), events.size());
        Append append = PreRendered.byShape(APPEND, shape, events.size(), ofShape -> {
            RowParams.Rows<EventRow> rows = ofShape.row().rows(ofShape.count());
            InsertValuesStepN<EventsRecord> insert =
                    DSL.insertInto(EVENTS, ofShape.row().columns());
            for (int i = 0; i < ofShape.count(); i++) {
                insert = insert.values(rows.fields(i));
            }
            return new Append(PreRendered.of(insert, rows), rows);
        });
        append.statement()
                .call()
                .withRows(append.rows(), positions.rows(dsl, events, details))
                .execute(dsl);
    }

    /** The rows of {@link #ROW} for these events, in order, for the sequencer to position. */
    public static List<EventRow> rows(List<DomainEvent> events, EventDetails details) {
        return events.stream().map(event -> new EventRow(event, details, null)).toList();
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
