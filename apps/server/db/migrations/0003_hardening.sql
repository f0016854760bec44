-- Hardening after review: races closed by the database, TOTP replay, account changes trailed, key check.

-- One open seat per cadre per team: two parallel "add member" requests cannot both win (M-03).
CREATE UNIQUE INDEX team_members_open_seat_idx ON team_members (org_id, cadre_id) WHERE left_on IS NULL;

-- TOTP codes are single use: the last accepted 30-second step is kept and a code for it or an earlier step is refused.
ALTER TABLE accounts ADD COLUMN totp_last_step bigint;

-- Every change to an account (role, scope, password, lockout) needs its trail row, not only creation.
DROP TRIGGER accounts_trail ON accounts;
CREATE CONSTRAINT TRIGGER accounts_trail AFTER INSERT OR UPDATE OR DELETE ON accounts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION mj_require_trail();

-- Facts about this installation. key_check is a keyed hash made with the encryption key: an instance started with
-- a different key (several servers against one database, each with its own key file) refuses to start instead of
-- writing values the others cannot read.
CREATE TABLE installation (
  name  text PRIMARY KEY,
  value text NOT NULL
);
