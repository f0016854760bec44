-- The audio of an item's discussion (issue 14 §3, M-33): up to a setting's size (1 GiB by default), streamed in and
-- sealed in chunks of 4 MiB (AES-256-GCM, each bound to its upload and position), never held whole in memory. The
-- chunks of an upload are written as they arrive; the file exists only once its row in item_audio is written, with
-- the trail row, after the last chunk and the type check — a refused or broken upload leaves chunks that no file
-- names, which are deleted at once (or by the sweep, after a crash). Chunks a file names never change.
CREATE TABLE audio_chunks (
  upload_id  text    NOT NULL CHECK (upload_id ~ '^[0-9a-f]{32}$'),
  n          integer NOT NULL CHECK (n >= 0),
  -- "_enc", not "_sealed": the app role must be able to delete the chunks of an unfinished upload (app-grants.ts)
  content_enc bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (upload_id, n)
);

CREATE TABLE item_audio (
  id          serial PRIMARY KEY,
  item_id     integer NOT NULL REFERENCES meeting_items(id),
  upload_id   text    NOT NULL UNIQUE,
  file_name_sealed text NOT NULL,
  mime_type   text    NOT NULL,
  size_bytes  bigint  NOT NULL CHECK (size_bytes > 0),
  chunks      integer NOT NULL CHECK (chunks > 0),
  sha256      text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by integer REFERENCES accounts(id),
  created_at  timestamptz NOT NULL
);
CREATE INDEX item_audio_item ON item_audio (item_id);

CREATE CONSTRAINT TRIGGER item_audio_trail AFTER INSERT OR UPDATE OR DELETE ON item_audio
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION mj_require_trail();
-- Part of the sealed record: nothing added, changed or removed once the meeting is sealed.
CREATE TRIGGER item_audio_sealed BEFORE INSERT OR UPDATE OR DELETE ON item_audio
  FOR EACH ROW EXECUTE FUNCTION mj_refuse_sealed();

-- A chunk that a file names is fixed; only the chunks of an unfinished upload may go.
CREATE FUNCTION mj_audio_chunk_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM item_audio a WHERE a.upload_id = OLD.upload_id) THEN
    RAISE EXCEPTION 'audio chunk of a stored file cannot change' USING ERRCODE = 'MJS01';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audio_chunks_fixed BEFORE UPDATE OR DELETE ON audio_chunks
  FOR EACH ROW EXECUTE FUNCTION mj_audio_chunk_fixed();
