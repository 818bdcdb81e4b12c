-- Notification outbox: one row per rendered notification for one receiver integration.
-- A row is pending while delivered_at and failed_at are both NULL. chain_key is
-- SHA-256(group_key, receiver, integration) in hex: rows of one chain are delivered in id
-- order, and the three columns together are too wide for one InnoDB index.
-- Times are UTC.
CREATE TABLE outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  group_key       VARCHAR(512)  NOT NULL,
  receiver        VARCHAR(200)  NOT NULL,
  integration     VARCHAR(64)   NOT NULL,
  chain_key       CHAR(64)      NOT NULL,
  payload         MEDIUMTEXT    NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)   NOT NULL,
  claimed_by      VARCHAR(100)  NULL,
  claimed_until   DATETIME(3)   NULL,
  delivered_at    DATETIME(3)   NULL,
  failed_at       DATETIME(3)   NULL,
  last_error      VARCHAR(1000) NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_chain ON outbox (chain_key, id);
CREATE INDEX ix_outbox_due ON outbox (delivered_at, failed_at, next_attempt_at);
