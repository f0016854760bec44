-- The proposer's signature on an emergency decision (issue 14 §4, M-34: 由提议人签字): as on an agenda item (0022),
-- a confirmation in person — the password or a fresh one-time code again — kept with the time and the digest of the
-- written record signed. One per decision, never changed (app role: insert only).
CREATE TABLE emergency_signatures (
  emergency_id integer PRIMARY KEY REFERENCES emergency_decisions(id),
  cadre_id     integer NOT NULL REFERENCES cadres(id),
  account_id   integer NOT NULL REFERENCES accounts(id),
  method       text    NOT NULL CHECK (method IN ('password', 'totp')),
  digest       text    NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  signed_at    timestamptz NOT NULL
);
