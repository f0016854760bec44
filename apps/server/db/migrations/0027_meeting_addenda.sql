-- A correction of a sealed meeting (issue 14 §5, M-35) is never an edit but an addendum, itself sealed: numbered from 1
-- per meeting, its content hashed, the digest signed with the installation's key together with the link to the
-- meeting's seal (the first addendum) or to the previous addendum. Never changed or removed, on either engine, and the
-- app role may only add them (app-grants.ts APPEND_ONLY).
CREATE TABLE meeting_addenda (
  meeting_id  integer NOT NULL REFERENCES meeting_seals(meeting_id),
  n           integer NOT NULL CHECK (n >= 1),
  reason      text    NOT NULL,
  correction  text    NOT NULL,
  prev_digest text    NOT NULL,
  algorithm   text    NOT NULL,
  digest      text    NOT NULL,
  signature   text    NOT NULL,
  key_id      text    NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  integer REFERENCES accounts(id),
  PRIMARY KEY (meeting_id, n)
);
CREATE TRIGGER meeting_addenda_fixed BEFORE UPDATE OR DELETE ON meeting_addenda
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_seal_change();
