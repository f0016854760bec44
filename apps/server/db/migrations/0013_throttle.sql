-- Throttling kept in the database (issue 11 §6), so that a restart does not reset it and several servers share it:
-- login failures per (name, address), per name and per address, the addresses a name has logged in from, and the
-- per-address budgets of the public routes. A subject is a keyed hash (HMAC-SHA-256 with the key outside the
-- database) of a name and/or an address, never the address itself; a row is deleted once expires_at has passed.
CREATE TABLE throttle (
  bucket     text        NOT NULL,
  subject    text        NOT NULL,
  hits       integer     NOT NULL,
  last_at    timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (bucket, subject)
);
CREATE INDEX throttle_expires_idx ON throttle (expires_at);

-- The lock moved from the account to (name, address) pairs in throttle: these columns are no longer read or written.
ALTER TABLE accounts DROP COLUMN failed_logins, DROP COLUMN locked_until;
