-- When an API key stops working by itself (a CI job's key, a contractor's); NULL: never.
-- DATETIME, not TIMESTAMP like the older columns: an expiry may lie beyond 2038.
ALTER TABLE api_key ADD COLUMN expires_at DATETIME(3) NULL;
