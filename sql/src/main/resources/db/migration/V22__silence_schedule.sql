-- Recurring silences (zgw extension, Alertmanager #214): the silence API's zgwSchedule
-- object as posted and validated, JSON text: {"timeInterval": "<time_intervals name>"} or
-- {"timeIntervals": [<Alertmanager time_interval entries>]}. NULL for a plain silence,
-- which mutes throughout starts_at..ends_at as before.
ALTER TABLE silence ADD COLUMN schedule TEXT NULL;
