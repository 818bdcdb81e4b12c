-- At most one gateway replica dispatches notifications: the one holding this lease.
CREATE TABLE dispatch_lease (
  name       VARCHAR(64)  NOT NULL,
  holder     VARCHAR(255) NOT NULL,
  expires_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (name)
);
