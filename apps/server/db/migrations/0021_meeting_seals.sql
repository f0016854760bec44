-- Sealing a meeting (issue 14 §5, M-35): the canonical form of its record is hashed, signed with the installation's
-- key and chained to the unit's previous seal. A sealed record never changes: the triggers below refuse any insert,
-- update or delete touching a sealed meeting's rows, whoever asks (the app role owns nothing and cannot drop them),
-- and the app role may only add seals (app-grants.ts APPEND_ONLY).
CREATE TABLE meeting_seals (
  meeting_id  integer PRIMARY KEY REFERENCES meetings(id),
  org_id      integer NOT NULL REFERENCES orgs(id),
  -- position in the unit's chain, from 1; prev_digest is the digest of seal seq - 1 (null for the first)
  seq         integer NOT NULL,
  prev_digest text,
  algorithm   text    NOT NULL,
  digest      text    NOT NULL,
  record      jsonb   NOT NULL,
  signature   text    NOT NULL,
  key_id      text    NOT NULL,
  sealed_at   timestamptz NOT NULL,
  sealed_by   integer REFERENCES accounts(id),
  UNIQUE (org_id, seq),
  CHECK ((seq = 1) = (prev_digest IS NULL))
);

CREATE FUNCTION mj_refuse_sealed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  mid integer;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  FOR i IN 1 .. (CASE WHEN TG_OP = 'UPDATE' THEN 2 ELSE 1 END) LOOP
    IF i = 2 THEN r := OLD; END IF;
    -- Branches, not one CASE: PL/pgSQL resolves every field a CASE names against the row's type.
    IF TG_TABLE_NAME = 'meetings' THEN
      mid := r.id;
    ELSIF TG_TABLE_NAME IN ('meeting_members', 'meeting_guests', 'meeting_items') THEN
      mid := r.meeting_id;
    ELSIF TG_TABLE_NAME = 'candidate_votes' THEN
      SELECT i.meeting_id INTO mid FROM item_candidates k JOIN meeting_items i ON i.id = k.item_id
        WHERE k.id = r.candidate_id;
    ELSE
      SELECT i.meeting_id INTO mid FROM meeting_items i WHERE i.id = r.item_id;
    END IF;
    IF EXISTS (SELECT 1 FROM meeting_seals s WHERE s.meeting_id = mid) THEN
      RAISE EXCEPTION 'meeting % is sealed', mid USING ERRCODE = 'MJS01';
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER meetings_sealed BEFORE INSERT OR UPDATE OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
CREATE TRIGGER meeting_members_sealed BEFORE INSERT OR UPDATE OR DELETE ON meeting_members
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
CREATE TRIGGER meeting_guests_sealed BEFORE INSERT OR UPDATE OR DELETE ON meeting_guests
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
CREATE TRIGGER meeting_items_sealed BEFORE INSERT OR UPDATE OR DELETE ON meeting_items
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
CREATE TRIGGER item_candidates_sealed BEFORE INSERT OR UPDATE OR DELETE ON item_candidates
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
CREATE TRIGGER item_opinions_sealed BEFORE INSERT OR UPDATE OR DELETE ON item_opinions
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
CREATE TRIGGER candidate_votes_sealed BEFORE INSERT OR UPDATE OR DELETE ON candidate_votes
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();
CREATE TRIGGER item_recusals_sealed BEFORE INSERT OR UPDATE OR DELETE ON item_recusals
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();

-- A seal itself is never changed or removed, on either engine (PGlite has one role, so grants alone cannot say it).
CREATE FUNCTION mj_refuse_seal_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the seal of meeting % cannot change', OLD.meeting_id USING ERRCODE = 'MJS01';
END $$;
CREATE TRIGGER meeting_seals_fixed BEFORE UPDATE OR DELETE ON meeting_seals
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_seal_change();
