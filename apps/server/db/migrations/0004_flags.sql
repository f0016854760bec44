-- Flags of the registry rules (M-04 … M-07, later M-81): the latest evaluation of each cadre, written by the sweep.
-- A cache of derived findings, replaced whole per cadre; the dossier evaluates its own cadre live.
CREATE TABLE cadre_flags (
  cadre_id   integer NOT NULL REFERENCES cadres(id),
  seq        smallint NOT NULL,
  rule_id    text NOT NULL,
  level      text NOT NULL CHECK (level IN ('red', 'yellow', 'green')),
  message    text NOT NULL,
  settings   jsonb NOT NULL,
  evidence   jsonb NOT NULL,
  evaluated_on date NOT NULL,
  PRIMARY KEY (cadre_id, seq)
);
CREATE INDEX cadre_flags_rule_idx ON cadre_flags (rule_id, cadre_id);

CREATE CONSTRAINT TRIGGER cadre_flags_trail AFTER INSERT OR UPDATE OR DELETE ON cadre_flags
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION mj_require_trail();
