package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;

import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox.EventRow;
import com.javelo.scim.adapter.jooq.sql.RowParams;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * When events get their positions, and how the event sequencer finds those still without one: what
 * differs between the databases about the feed's order. Chosen per database ({@link #forDialect}).
 * Either way a position is final once a reader can see it, and a larger position is never visible
 * before a smaller one.
 */
public sealed interface EventPositions {

    static EventPositions forDialect(SQLDialect dialect) {
        return dialect.family() == SQLDialect.POSTGRES ? BY_SEQUENCER : AT_INSERT;
    }

    EventPositions BY_SEQUENCER = new BySequencer();
    EventPositions AT_INSERT = new AtInsert();

    /** @return the row an event is inserted with */
    RowParams<EventRow> row();

    /** @return the rows of {@link #row()} that insert these events in the caller's transaction */
    List<EventRow> rows(DSLContext dsl, List<DomainEvent> events, EventDetails details);

    /**
     * Read before a sequencer run, outside any transaction.
     *
     * @return the newest position, when no event can be waiting for one (the run then writes nothing)
     */
    OptionalLong newestWhenNoneWaits(DSLContext dsl);

    /**
     * Runs in the sequencer's transaction, which holds the {@code event_sequencer} row.
     *
     * @param settled what the previous complete look-up returned as {@link Found#settled}
     * @return up to {@code limit} committed unpositioned events, in id order
     */
    Found next(DSLContext dsl, long settled, int limit);

    /** @return the last position given, from the sequencer's own record of it */
    long lastGiven(DSLContext dsl, long recorded);

    /**
     * @param ids the events found, in id order
     * @param settled a transaction id below which every writer has finished and all its events were
     *     visible to this look-up: once they are positioned (the look-up found fewer than its limit),
     *     the next look-up may start there
     */
    record Found(List<Long> ids, long settled) {}

    /**
     * PostgreSQL: writers overlap, and a transaction can commit after others that began later, so
     * events are inserted without a position and the sequencer positions them once committed.
     *
     * <p>Positioning an event leaves the index entry of its unpositioned row version until a vacuum
     * (migration 10), so the look-up starts at the oldest transaction that was still running when the
     * previous complete look-up ran ({@code pg_snapshot_xmin} of that statement's own snapshot): a
     * transaction below it had finished by then, and that look-up saw all its events; a transaction
     * that was running, or writes later, has an id at or above it.
     */
    final class BySequencer implements EventPositions {

        /** The oldest transaction running when the statement's snapshot was taken (xid8 as a number). */
        private static final Field<Long> OLDEST_RUNNING =
                DSL.field("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);

        private BySequencer() {}

        @Override
        public RowParams<EventRow> row() {
            return JooqEventOutbox.ROW;
        }

        @Override
        public List<EventRow> rows(DSLContext dsl, List<DomainEvent> events, EventDetails details) {
            return JooqEventOutbox.rows(events, details);
        }

        @Override
        public OptionalLong newestWhenNoneWaits(DSLContext dsl) {
            return OptionalLong.empty();
        }

        @Override
        public Found next(DSLContext dsl, long settled, int limit) {
            // One statement, so that the horizon and the events found come from one snapshot.
            Record2<Long, Long[]> found = dsl.select(
                            OLDEST_RUNNING,
                            DSL.array(DSL.select(EVENTS.ID)
                                    .from(EVENTS)
                                    .where(EVENTS.POSITION.isNull())
                                    .and(EVENTS.WRITER_XID.ge(settled))
                                    .orderBy(EVENTS.ID)
                                    .limit(limit)))
                    .fetchSingle();
            return new Found(Arrays.asList(found.value2()), found.value1());
        }

        @Override
        public long lastGiven(DSLContext dsl, long recorded) {
            return recorded;
        }
    }

    /**
     * H2: writers take turns ({@code WriteTurns.OneAtATime}, which H2 always gets), so an event
     * is positioned where it is inserted, after the newest position, and the turn keeps any other
     * writer from committing in between; no update of the event, and no sequencer transaction that
     * would wait for a turn with the writers. The sequencer's runs only read the newest position,
     * except for events written unpositioned by an earlier version, which they position as before.
     */
    final class AtInsert implements EventPositions {

        private AtInsert() {}

        @Override
        public RowParams<EventRow> row() {
            return JooqEventOutbox.POSITIONED_ROW;
        }

        @Override
        public List<EventRow> rows(DSLContext dsl, List<DomainEvent> events, EventDetails details) {
            long position = newest(dsl);
            List<EventRow> rows = new ArrayList<>(events.size());
            for (DomainEvent event : events) {
                rows.add(new EventRow(event, details, ++position));
            }
            return rows;
        }

        @Override
        public OptionalLong newestWhenNoneWaits(DSLContext dsl) {
            boolean waiting = dsl.fetchExists(DSL.selectOne().from(EVENTS).where(EVENTS.POSITION.isNull()));
            return waiting ? OptionalLong.empty() : OptionalLong.of(newest(dsl));
        }

        @Override
        public Found next(DSLContext dsl, long settled, int limit) {
            List<Long> ids = dsl.select(EVENTS.ID)
                    .from(EVENTS)
                    .where(EVENTS.POSITION.isNull())
                    .orderBy(EVENTS.ID)
                    .limit(limit)
                    .fetch(row -> row.value1());
            return new Found(ids, settled);
        }

        @Override
        public long lastGiven(DSLContext dsl, long recorded) {
            return Math.max(recorded, newest(dsl));
        }

        private static long newest(DSLContext dsl) {
            Long newest = dsl.select(DSL.max(EVENTS.POSITION))
                    .from(EVENTS)
                    .fetchSingle()
                    .value1();
            return newest == null ? 0 : newest;
        }
    }
}
