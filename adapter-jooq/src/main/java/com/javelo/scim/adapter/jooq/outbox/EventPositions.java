package com.javelo.scim.adapter.jooq.outbox;

import static com.javelo.scim.adapter.jooq.generated.Tables.EVENTS;
import static com.javelo.scim.adapter.jooq.generated.Tables.EVENT_SEQUENCER;

import com.javelo.scim.adapter.jooq.outbox.JooqEventOutbox.EventRow;
import com.javelo.scim.adapter.jooq.sql.Param;
import com.javelo.scim.adapter.jooq.sql.PreRendered;
import com.javelo.scim.adapter.jooq.sql.RowParams;
import com.javelo.scim.core.protocol.event.EventDetails;
import com.javelo.scim.domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jooq.CommonTableExpression;
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
     * One step of a sequencer run, in the run's transaction, which holds the {@code event_sequencer}
     * row ({@code recorded} is what that row held): gives up to {@code limit} committed unpositioned
     * events, in id order, the positions after the last one given, records the new last position and
     * how far the next look-up may start, and announces the positions to the other instances.
     */
    Step positionNext(DSLContext dsl, Recorded recorded, int limit, String origin);

    /**
     * The sequencer's record: the last position given, and a transaction id below which every
     * writer had finished, all its events visible, when the previous complete look-up ran (its next
     * look-up may start there).
     */
    record Recorded(long lastPosition, long settledXid) {}

    /** @param positioned how many events the step positioned @param newest the newest position given */
    record Step(int positioned, long newest) {}

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

        private static final Param<Long> LAST = Param.of("last", EVENT_SEQUENCER.LAST_POSITION);
        private static final Param<Long> SETTLED = Param.of("settled", EVENT_SEQUENCER.SETTLED_XID);
        private static final Param<Integer> LIMIT = Param.of("limit", Integer.class);
        private static final Param<String> ORIGIN = Param.of("origin", String.class);

        /**
         * The whole step in one statement, so that the horizon and the events found come from one
         * snapshot, and in one round trip: the look-up ({@code found}: the unpositioned events from
         * the settled horizon, numbered in id order), their positions ({@code positioned}), the
         * sequencer's record ({@code recorded}, written only when it changes) and the announcement
         * (only when events were positioned). A data-modifying {@code WITH} runs whether or not the
         * main query reads it. The step runs after the record's row is locked, by a statement of its
         * own: in one statement, the snapshot would be older than the lock, and could miss positions
         * another instance gave meanwhile.
         */
        private static final PreRendered STEP = step();

        private static PreRendered step() {
            CommonTableExpression<Record2<Long, Integer>> found = DSL.name("found")
                    .fields("id", "n")
                    .as(DSL.select(EVENTS.ID, DSL.rowNumber().over(DSL.orderBy(EVENTS.ID)))
                            .from(EVENTS)
                            .where(EVENTS.POSITION.isNull())
                            .and(EVENTS.WRITER_XID.ge(SETTLED.field()))
                            .orderBy(EVENTS.ID)
                            .limit(LIMIT.field()));
            Field<Long> foundId = found.field("id", Long.class);
            Field<Integer> number = found.field("n", Integer.class);
            Field<Integer> count = DSL.field(DSL.selectCount().from(found));
            // A look-up that found fewer than its limit saw every event below the horizon.
            Field<Long> settled =
                    DSL.when(count.lt(LIMIT.field()), OLDEST_RUNNING).otherwise(SETTLED.field());
            CommonTableExpression<?> positioned = DSL.name("positioned")
                    .as(DSL.update(EVENTS)
                            .set(EVENTS.POSITION, LAST.field().plus(number))
                            .from(found)
                            .where(EVENTS.ID.eq(foundId))
                            .returning(EVENTS.ID));
            CommonTableExpression<?> recorded = DSL.name("recorded")
                    .as(DSL.update(EVENT_SEQUENCER)
                            .set(EVENT_SEQUENCER.LAST_POSITION, LAST.field().plus(count))
                            .set(EVENT_SEQUENCER.SETTLED_XID, settled)
                            .where(EVENT_SEQUENCER.ID.eq(DSL.inline(1)))
                            .and(count.gt(DSL.inline(0)).or(settled.ne(SETTLED.field())))
                            .returning(EVENT_SEQUENCER.ID));
            Field<String> announced = DSL.when(
                    count.gt(DSL.inline(0)),
                    DSL.field(
                            "pg_notify({0}, {1})",
                            String.class, DSL.inline(JooqEventSequencer.CHANNEL), ORIGIN.field()));
            return PreRendered.of(
                    DSL.with(found).with(positioned).with(recorded).select(count, announced),
                    SETTLED,
                    LIMIT,
                    LAST,
                    ORIGIN);
        }

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
        public Step positionNext(DSLContext dsl, Recorded recorded, int limit, String origin) {
            int positioned = STEP.with(SETTLED, recorded.settledXid())
                    .with(LIMIT, limit)
                    .with(LAST, recorded.lastPosition())
                    .with(ORIGIN, origin)
                    .fetch(dsl)
                    .get(0)
                    .get(0, Integer.class);
            return new Step(positioned, recorded.lastPosition() + positioned);
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

        private static final Param<Long> POSITION = Param.of("position", EVENTS.POSITION);
        private static final Param<Long> EVENT = Param.of("event", EVENTS.ID);
        /** Gives one event its position: a step's events are positioned by one JDBC batch of these. */
        private static final PreRendered POSITION_ONE = PreRendered.of(
                DSL.update(EVENTS).set(EVENTS.POSITION, POSITION.field()).where(EVENTS.ID.eq(EVENT.field())),
                POSITION,
                EVENT);

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

        /** Rare (events an earlier version left unpositioned), so plainly: a statement at a time. */
        @Override
        public Step positionNext(DSLContext dsl, Recorded recorded, int limit, String origin) {
            long last = Math.max(recorded.lastPosition(), newest(dsl));
            List<Long> ids = dsl.select(EVENTS.ID)
                    .from(EVENTS)
                    .where(EVENTS.POSITION.isNull())
                    .orderBy(EVENTS.ID)
                    .limit(limit)
                    .fetch(row -> row.value1());
            if (ids.isEmpty()) {
                return new Step(0, last);
            }
            List<PreRendered.Call> calls = new ArrayList<>();
            long position = last;
            for (Long id : ids) {
                calls.add(POSITION_ONE.with(POSITION, ++position).with(EVENT, id));
            }
            POSITION_ONE.executeBatch(dsl, calls);
            dsl.update(EVENT_SEQUENCER)
                    .set(EVENT_SEQUENCER.LAST_POSITION, position)
                    .where(EVENT_SEQUENCER.ID.eq(1))
                    .execute();
            return new Step(ids.size(), position);
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
