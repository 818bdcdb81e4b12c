-- Which gateway process last wrote each alert, so that the dispatch lease holder can pick
-- up the alerts other replicas stored (its own arrive through its in-memory commit feed).
-- The index serves the holder's poll: a range on updated_at filtered on written_by
-- inside the index.
ALTER TABLE alert ADD COLUMN written_by VARCHAR(64) NOT NULL DEFAULT '';
CREATE INDEX ix_alert_updated_written ON alert (updated_at, written_by);
