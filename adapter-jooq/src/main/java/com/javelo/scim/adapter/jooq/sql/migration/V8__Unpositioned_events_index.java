package com.javelo.scim.adapter.jooq.sql.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migration 8: on PostgreSQL, an index of the events still without a position, the rows the event
 * sequencer looks for on every run ({@code … WHERE position IS NULL ORDER BY id LIMIT 500}).
 *
 * <p>Why: every event is inserted without a position and updated once with one, and PostgreSQL
 * keeps the entry of the old, unpositioned row version in {@code events_by_position} until a vacuum
 * removes it. The look-up by {@code position IS NULL} therefore visited every event written since
 * the last vacuum, then sorted them: 165–363 ms a run under W1 and W7, the largest statement of
 * both (docs/benchmarks.md, 2026-12-07 morning). A partial index holds only unpositioned rows, in
 * id order: the look-up reads them in order, and an index scan marks the entries of rows it finds
 * positioned as dead, so later runs skip them without visiting the table. Those entries still stay
 * until a vacuum, so the look-up still grows with the events written since the last one, about
 * five times more slowly (10 ms a run on average under the A/B's load, against 50 ms).
 *
 * <p>A Java migration because H2 has no partial indexes; H2 updates rows in place and keeps no entry
 * of an old version, so it needs none. It is registered in {@code JooqPersistence.migrate()}.
 */
public final class V8__Unpositioned_events_index extends PostgresOnlyMigration {

    @Override
    protected void migrateOnPostgres(Statement statement) throws SQLException {
        statement.execute("CREATE INDEX events_unpositioned ON events (id) WHERE position IS NULL");
    }
}
