-- An Alertmanager-API alert's key was 'am:' + its 64-bit label fingerprint (FNV-1a), for
-- which a label set of another business line can be computed in a second: posted with an
-- operator key of that line, it overwrote (resolved, re-annotated) the other line's alert.
-- The key is now 'am:' + SHA-256 of the labels as stored (AlertUpsert.keyOf). History rows
-- follow their alert; those of alerts already deleted keep the old key, as before.
-- (Data only: jOOQ's code generator, which reads these files, skips it.)
/* [jooq ignore start] */
UPDATE alert_history h JOIN alert a ON h.alert_key = a.alert_key
  SET h.alert_key = CONCAT('am:', SHA2(a.labels, 256))
  WHERE a.alert_key LIKE 'am:%';
UPDATE alert SET alert_key = CONCAT('am:', SHA2(labels, 256)) WHERE alert_key LIKE 'am:%';
/* [jooq ignore stop] */
