-- A dispatcher rebuilt after a reload or a change of lease holder counts what each
-- rate-limited receiver was sent within its window (receivers' rate_limit, a zgw
-- extension): the outbox rows of those receivers created since then.
CREATE INDEX ix_outbox_receiver_created ON outbox (receiver, created_at);
