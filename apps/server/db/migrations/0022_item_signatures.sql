-- Signatures (issue 14 §3, M-33): the proposer and the chair each confirm a closed item in person (password or a
-- one-time code again), recorded with the time and the digest of the item's record they saw. Nobody signs for
-- another: the signer is the account linked to that cadre. A signature is never changed (app role: insert only) and
-- is part of the sealed record, so none is added after the meeting's seal.
CREATE TABLE item_signatures (
  id          serial PRIMARY KEY,
  item_id     integer NOT NULL REFERENCES meeting_items(id),
  -- what the signer is to the item: its proposer (as recorded, or the chair as deemed proposer) or the chair
  capacity    text    NOT NULL CHECK (capacity IN ('proposer', 'chair')),
  cadre_id    integer NOT NULL REFERENCES cadres(id),
  account_id  integer NOT NULL REFERENCES accounts(id),
  method      text    NOT NULL CHECK (method IN ('password', 'totp')),
  -- SHA-256 of the item's canonical record (without signatures) at the moment of signing
  digest      text    NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  signed_at   timestamptz NOT NULL,
  UNIQUE (item_id, capacity)
);
CREATE INDEX item_signatures_item ON item_signatures (item_id);

CREATE TRIGGER item_signatures_sealed BEFORE INSERT OR UPDATE OR DELETE ON item_signatures
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
