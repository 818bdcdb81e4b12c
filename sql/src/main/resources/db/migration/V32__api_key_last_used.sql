-- When an API key last authenticated a request, to within zgw.security.key-usage-flush
-- (each replica writes what it saw at that interval); NULL: never used.
ALTER TABLE api_key ADD COLUMN last_used_at DATETIME(3) NULL;
