-- The event feed (docs/architecture.md, "The event feed"). An event is inserted without a
-- position; the sequencer gives positions, in one short transaction at a time (it holds the
-- event_sequencer row), to the events whose transactions have committed. A reader that reads by
-- position therefore never skips an event that committed after a later-numbered one.
ALTER TABLE events ADD COLUMN position BIGINT;
-- What the event is about, for a relay such as Debezium's outbox router (docs/architecture.md):
-- the aggregate type routes, the aggregate id keys. Older events name it in their payload only.
ALTER TABLE events ADD COLUMN aggregate_type VARCHAR(16);
ALTER TABLE events ADD COLUMN aggregate_id VARCHAR(64);
UPDATE events SET position = id;
CREATE UNIQUE INDEX events_by_position ON events (position);
CREATE INDEX events_by_tenant_position ON events (tenant_id, position);
CREATE INDEX events_by_occurrence ON events (occurred_at);

CREATE TABLE event_sequencer (
    id             INT    NOT NULL PRIMARY KEY,
    last_position  BIGINT NOT NULL
);
INSERT INTO event_sequencer (id, last_position) SELECT 1, COALESCE(MAX(id), 0) FROM events;

-- Services registered to poll the feed (RFC 8936); only a hash of their token is kept.
CREATE TABLE event_consumers (
    id                      VARCHAR(64)              NOT NULL PRIMARY KEY,
    name                    VARCHAR(256)             NOT NULL,
    all_tenants             BOOLEAN                  NOT NULL,
    token_hash              CHAR(64)                 NOT NULL,
    -- Every event of the consumer's scope up to this position is acknowledged.
    acked_position          BIGINT                   NOT NULL,
    -- Events purged by retention before the consumer acknowledged them.
    expired_unacknowledged  BIGINT                   NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at              TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX event_consumers_by_hash ON event_consumers (token_hash);

CREATE TABLE event_consumer_tenants (
    consumer_id  VARCHAR(64) NOT NULL REFERENCES event_consumers (id),
    tenant_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (consumer_id, tenant_id)
);

-- Acknowledgements beyond a consumer's acked_position (a consumer may acknowledge out of order).
CREATE TABLE event_acks (
    consumer_id  VARCHAR(64) NOT NULL REFERENCES event_consumers (id),
    event_id     BIGINT      NOT NULL,
    position     BIGINT      NOT NULL,
    PRIMARY KEY (consumer_id, event_id)
);

-- The key pair that signs the SETs, generated at first start (a JWK, private part included).
CREATE TABLE event_signing_keys (
    id          INT                      NOT NULL PRIMARY KEY,
    jwk         TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
