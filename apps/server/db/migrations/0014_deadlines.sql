-- Issue 12 §1: one deadline engine (platform/deadlines) over the two tables that hold deadlines — a report's statutory
-- clocks (case_deadlines, M-12) and supervision duties (duties, M-21 … M-25). Both now carry the same life: open, met,
-- paused and resumed (the due date moves by the paused span, in the clock's own unit), extended once with a reason,
-- waived with a reason. The view open_deadlines lists every open deadline of every kind for the warning dashboard.
ALTER TABLE case_deadlines
  ADD COLUMN paused_on     date,
  ADD COLUMN paused_reason text,
  ADD COLUMN waived_reason text,
  ADD COLUMN waived_by     integer REFERENCES accounts(id);

ALTER TABLE duties
  ADD COLUMN unit             text NOT NULL DEFAULT 'calendar' CHECK (unit IN ('calendar', 'working')),
  ADD COLUMN paused_on        date,
  ADD COLUMN paused_reason    text,
  ADD COLUMN extended_days    integer NOT NULL DEFAULT 0,
  ADD COLUMN extension_reason text;

-- One row per open deadline: where it comes from, its kind, whom and which unit it is about, who owes it, and when.
-- A report's clock is about the accused and the competent unit; nobody "owes" it by name (the unit's commission does).
CREATE VIEW open_deadlines AS
  SELECT 'case_deadline'::text AS source, d.id, d.kind, r.competent_org_id AS org_id, r.accused_cadre_id AS cadre_id,
         NULL::integer AS owner_cadre_id, d.start_on, d.due_on, d.unit, d.paused_on
    FROM case_deadlines d JOIN reports r ON r.id = d.report_id
   WHERE d.met_at IS NULL AND d.waived_reason IS NULL
  UNION ALL
  SELECT 'duty', d.id, coalesce(d.obligation, d.rule_id), d.subject_org_id, d.subject_cadre_id, d.owner_cadre_id,
         d.period_start, d.due_on, d.unit, d.paused_on
    FROM duties d
   WHERE d.done_on IS NULL AND d.waived_reason IS NULL;
