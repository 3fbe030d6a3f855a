package com.javelo.scim.adapter.jooq.sql.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migration 10: on PostgreSQL, each event records the transaction that wrote it, and the index of
 * unpositioned events is ordered by that transaction, so that the event sequencer's look-up starts
 * past the events it has already positioned instead of walking their stale entries.
 *
 * <p>Why: an event is inserted without a position and updated once with one; PostgreSQL keeps the
 * index entry of the old, unpositioned row version until a vacuum. Migration 8's partial index in id
 * order made the look-up skip them one by one, from the oldest: without a vacuum it still grew with
 * every event written since the last one (3.5 ms a run under W7 on a database without autovacuum,
 * docs/benchmarks.md). Every transaction below the oldest one still running when a run looked
 * ({@code pg_snapshot_xmin}) has finished, and that run saw and positioned all its events, so the
 * next run looks only at events written by that transaction or later ({@code JooqEventSequencer}).
 *
 * <p>The default is set after the column is added (migration 9), so existing rows are not
 * rewritten; the events still unpositioned get transaction 0, below any the sequencer has settled.
 * A Java migration because H2 has neither transaction ids nor partial indexes, and needs neither.
 * It is registered in {@code JooqPersistence.migrate()}.
 */
public final class V10__Unpositioned_events_by_writer extends PostgresOnlyMigration {

    @Override
    protected void migrateOnPostgres(Statement statement) throws SQLException {
        statement.execute(
                "ALTER TABLE events ALTER COLUMN writer_xid SET DEFAULT (pg_current_xact_id()::text::bigint)");
        statement.execute("UPDATE events SET writer_xid = 0 WHERE position IS NULL");
        statement.execute("DROP INDEX events_unpositioned");
        statement.execute("CREATE INDEX events_unpositioned ON events (writer_xid, id) WHERE position IS NULL");
    }
}
