-- issue 11 §1: the running app uses a role that owns nothing and may not UPDATE trail_head. The head now moves only
-- with the trail rows, by a trigger that runs as the owner (SECURITY DEFINER): each new row must follow the head
-- (seq = head + 1, prev_hash = head hash), so no role without the owner's rights can move the head back or aside.
CREATE FUNCTION mj_trail_head() RETURNS TABLE (seq bigint, hash text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- The row lock serializes appenders (gap-free seq, linear chain); it is held until the caller's transaction ends.
  RETURN QUERY SELECT h.seq, h.hash FROM trail_head h WHERE h.id = 1 FOR UPDATE;
END $$;

CREATE FUNCTION mj_trail_advance_head() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h trail_head%ROWTYPE;
BEGIN
  SELECT * INTO h FROM trail_head WHERE id = 1 FOR UPDATE;
  IF NEW.seq IS DISTINCT FROM h.seq + 1 OR NEW.prev_hash IS DISTINCT FROM h.hash THEN
    RAISE EXCEPTION 'trail row % does not follow the head (seq %)', NEW.seq, h.seq USING ERRCODE = '42501';
  END IF;
  UPDATE trail_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
CREATE TRIGGER trail_advance_head BEFORE INSERT ON trail
  FOR EACH ROW EXECUTE FUNCTION mj_trail_advance_head();
