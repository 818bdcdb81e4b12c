-- Whether an Alertmanager-API alert's ends_at came from the resolve timeout (sent without
-- an endsAt) rather than from its sender: as Alertmanager, a re-send with an earlier end
-- keeps a later end its sender gave, never one the timeout gave.
ALTER TABLE alert ADD COLUMN ends_at_timeout BOOLEAN NOT NULL DEFAULT FALSE;
