-- API keys: only a SHA-256 hash of the key is stored; the key itself is shown once at creation.
CREATE TABLE api_key (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  name           VARCHAR(100) NOT NULL,
  key_hash       CHAR(64)     NOT NULL,
  key_prefix     VARCHAR(12)  NOT NULL,
  role           VARCHAR(16)  NOT NULL,
  business_lines VARCHAR(1000) NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL,
  revoked_at     TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_api_key_hash UNIQUE (key_hash)
);
