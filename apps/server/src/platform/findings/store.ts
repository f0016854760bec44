// Writing findings (issue 12 §5): a module's rules evaluate a set of subjects and hand over everything they found;
// the store makes the table say exactly that. Per subject, the n-th finding of a rule is the same finding as last
// time (its identity key): it is seen again (last_seen_on, the new message, settings and evidence), and reopened if
// a person had closed it and its evidence has changed. A finding no longer found stops being active. New ones open.
import { sql } from 'kysely';
import type { Finding } from '../rules/index.js';
import type { WriteCtx } from '../trail/index.js';
import { FINDING_MACHINE } from './finding-moves.js';

export interface FindingsBatch {
  /** The module whose rules these are (`registry`). */
  source: string;
  subjectKind: 'cadre' | 'org';
  /** Every subject evaluated, including those with nothing found. */
  subjectIds: number[];
  /** What was found, each with its subject, in the rules' order. */
  found: Array<Finding & { subjectId: number }>;
  today: string;
}

const CHUNK = 2000;

/** Records one evaluation in the caller's write. Returns how many findings are active for these subjects. */
export async function recordFindings(w: WriteCtx, b: FindingsBatch): Promise<{ active: number; reopened: number }> {
  const ordinal = new Map<string, number>();
  const seqOf = new Map<number, number>();
  const rows = b.found.map((f) => {
    const k = `${f.subjectId}|${f.ruleId}`;
    const key = ordinal.get(k) ?? 0;
    ordinal.set(k, key + 1);
    const seq = seqOf.get(f.subjectId) ?? 0;
    seqOf.set(f.subjectId, seq + 1);
    return {
      subject_id: f.subjectId,
      rule_id: f.ruleId,
      key: String(key),
      seq,
      level: f.level,
      message: f.message,
      message_en: f.messageEn ?? null,
      settings: f.settings,
      evidence: f.evidence,
    };
  });
  const changed: number[] = [];
  const seen: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    // One statement per chunk; the evidence hash is computed in SQL, as the migration computed the first ones.
    const res = await sql<{ id: number; changed: boolean }>`
      with input as (select * from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) as x(
        subject_id int, rule_id text, key text, seq smallint, level text, message text, message_en text,
        settings jsonb, evidence jsonb)),
      old as (select f.id, f.evidence_hash, f.status from findings f join input x on f.source = ${b.source}
        and f.subject_kind = ${b.subjectKind} and f.subject_id = x.subject_id and f.rule_id = x.rule_id and f.key = x.key)
      insert into findings as f (source, subject_kind, subject_id, rule_id, key, seq, level, message, message_en, settings,
        evidence, evidence_hash, first_seen_on, last_seen_on, active)
      select ${b.source}, ${b.subjectKind}, subject_id, rule_id, key, seq, level, message, message_en, settings, evidence,
        md5(evidence::text), ${b.today}::date, ${b.today}::date, true from input
      on conflict (source, subject_kind, subject_id, rule_id, key) do update set seq = excluded.seq,
        level = excluded.level, message = excluded.message, message_en = excluded.message_en,
        settings = excluded.settings, evidence = excluded.evidence, evidence_hash = excluded.evidence_hash,
        last_seen_on = excluded.last_seen_on, active = true
      returning f.id, exists (select 1 from old o where o.id = f.id and o.status <> 'open'
        and o.evidence_hash <> f.evidence_hash) as changed`.execute(w.trx);
    for (const r of res.rows) {
      seen.push(r.id);
      if (r.changed) changed.push(r.id);
    }
  }
  // What these subjects no longer show is no longer active (kept, with its status, for the record). An anti-join on
  // the ids just seen: one hash, not a comparison of every row with the whole list.
  await sql`update findings f set active = false where f.source = ${b.source} and f.subject_kind = ${b.subjectKind}
    and f.subject_id = any(${b.subjectIds}::int[]) and f.active
    and not exists (select 1 from unnest(${seen}::int[]) s(id) where s.id = f.id)`.execute(w.trx);
  if (changed.length) {
    await FINDING_MACHINE.applyAll(w, 'reopen', (q) => q.where('id', 'in', changed), {
      set: { status_note: null, status_by: null, status_at: w.now },
    });
    w.record({ action: 'finding.reopen', entity: 'finding', detail: { ids: changed, why: 'evidence changed' } });
  }
  return { active: rows.length, reopened: changed.length };
}
