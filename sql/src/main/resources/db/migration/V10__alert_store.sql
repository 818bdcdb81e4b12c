-- Durable alert store. Times are DATETIME(3) holding UTC (TIMESTAMP would stop at 2038 and
-- convert through the session zone).

-- One row per alert identity: 'am:' + label fingerprint for Alertmanager-API alerts,
-- 'zabbix:' + shard + ':' + event id for Zabbix events (Zabbix ids are unique per shard only).
CREATE TABLE alert (
  alert_key     VARCHAR(160)  NOT NULL,
  fingerprint   CHAR(16)      NOT NULL,
  source        VARCHAR(16)   NOT NULL,
  shard         VARCHAR(64)   NULL,
  event_id      BIGINT        NULL,
  business_line VARCHAR(64)   NOT NULL,
  labels        MEDIUMTEXT    NOT NULL,
  annotations   MEDIUMTEXT    NOT NULL,
  generator_url VARCHAR(2048) NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  acknowledged  BOOLEAN       NOT NULL,
  starts_at     DATETIME(3)   NOT NULL,
  ends_at       DATETIME(3)   NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (alert_key),
  CONSTRAINT uk_alert_zabbix_event UNIQUE (shard, event_id)
);
CREATE INDEX ix_alert_ends_at ON alert (ends_at);
CREATE INDEX ix_alert_fingerprint ON alert (fingerprint);

-- Every state change of an alert. dedup_key makes webhook replays idempotent: Zabbix
-- events carry 'shard:event:kind', Alertmanager-API changes leave it NULL.
CREATE TABLE alert_history (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  alert_key   VARCHAR(160) NOT NULL,
  fingerprint CHAR(16)     NOT NULL,
  change_kind VARCHAR(24)  NOT NULL,
  source      VARCHAR(16)  NOT NULL,
  occurred_at DATETIME(3)  NOT NULL,
  recorded_at DATETIME(3)  NOT NULL,
  detail      TEXT         NULL,
  dedup_key   VARCHAR(200) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_alert_history_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_alert_history_alert ON alert_history (alert_key, id);

-- Silences as Alertmanager keeps them; expiring sets ends_at, rows are never deleted.
CREATE TABLE silence (
  id         CHAR(36)     NOT NULL,
  matchers   TEXT         NOT NULL,
  starts_at  DATETIME(3)  NOT NULL,
  ends_at    DATETIME(3)  NOT NULL,
  created_by VARCHAR(255) NOT NULL,
  comment    TEXT         NOT NULL,
  updated_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
);
CREATE INDEX ix_silence_ends_at ON silence (ends_at);

-- Last notification per (group, receiver), as Alertmanager's nflog: decides whether a
-- group changed or its repeat interval passed. group_key_hash is SHA-256 of group_key.
CREATE TABLE notification_log (
  group_key_hash        CHAR(64)     NOT NULL,
  receiver              VARCHAR(255) NOT NULL,
  group_key             TEXT         NOT NULL,
  firing_fingerprints   MEDIUMTEXT   NOT NULL,
  resolved_fingerprints MEDIUMTEXT   NOT NULL,
  sent_at               DATETIME(3)  NOT NULL,
  expires_at            DATETIME(3)  NOT NULL,
  PRIMARY KEY (group_key_hash, receiver)
);
CREATE INDEX ix_notification_log_expires ON notification_log (expires_at);
