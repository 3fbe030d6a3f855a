-- Events are read by position since the event feed (V4): by tenant through events_by_tenant_position,
-- by consumer through events_by_position. Nothing reads them by (tenant_id, id) any more, and every
-- event paid for this index twice (its insert, then its positioning, which writes a new row version).
DROP INDEX events_by_tenant;
