-- Which transaction wrote each event, and below which transaction the sequencer has positioned
-- everything (migration 10 and docs/architecture.md, "The event feed"). On PostgreSQL migration 10
-- fills writer_xid on insert; H2 leaves both unused: it updates rows in place, so its look-up of
-- unpositioned events has no stale index entries to skip.
ALTER TABLE events ADD COLUMN writer_xid BIGINT;
ALTER TABLE event_sequencer ADD COLUMN settled_xid BIGINT DEFAULT 0 NOT NULL;
