-- Text zgw accepts as Alertmanager does, bounded only by the request body limit and
-- max-label-value-length: a generatorURL over 2,048 characters (a long PromQL
-- expression), a business_line label over 64, a silence's creator over 255 characters
-- or its comment, matchers or schedule over 64 KB failed the insert, and the request
-- was answered 503 (with every alert committed in the same batch). One statement per
-- column, as jOOQ's parser reads them; each rebuilds its table: seconds for a few
-- hundred thousand alerts.
ALTER TABLE alert MODIFY generator_url MEDIUMTEXT NOT NULL;
ALTER TABLE alert MODIFY business_line TEXT NOT NULL;
ALTER TABLE silence MODIFY matchers MEDIUMTEXT NOT NULL;
ALTER TABLE silence MODIFY created_by TEXT NOT NULL;
ALTER TABLE silence MODIFY comment MEDIUMTEXT NOT NULL;
ALTER TABLE silence MODIFY schedule MEDIUMTEXT NULL;
