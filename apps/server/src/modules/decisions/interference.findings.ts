// The M-37 findings (issue 14 §7), recomputed from the records for the units given:
// - a unit obliged to report (it has a principal) whose quarterly report is missing once the quarter's deadline
//   (reportWithinWorkingDays working days after it) has passed, for quarters beginning on or after reportsFrom (empty:
//   the day migration 0026 was applied);
// - a zero report (零报告) contradicted by a record later dated inside its quarter;
// - on a cadre: each intervention found without a record that they should have recorded — the first proposes
//   onceAction, from the repeatFrom-th on repeatAction (source decisions.interference.cadre, read only by those who
//   read interference records);
// - an expense at or above jointSignatureYuan without the joint signatures of the team members in jointSignerRoles.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { recordFindings } from '../../platform/findings/index.js';
import { getRuleSettingsForOrgs, RULE_DEFINITIONS, type Finding } from '../../platform/rules/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import { missingSigners } from './joint-signers.js';
import { quarterOf, quarterRange, quartersBetween } from './quarters.js';

type Found = Finding & { subjectId: number };
export const CADRE_SOURCE = 'decisions.interference.cadre';

export async function refreshInterferenceFindings(ctx: Pick<AppContext, 'calendar'>, w: WriteCtx, orgIds: number[]) {
  if (!orgIds.length) return;
  const today = toCstDate(w.now);
  const units = await sql<{ id: number; path: string; name: string; obliged: boolean }>`
    select o.id, o.path::text as path, o.name,
      exists (select 1 from posts p where p.org_id = o.id and p.is_principal and p.end_date is null) as obliged
    from orgs o where o.id = any(${orgIds}::int[]) order by o.id`.execute(w.trx);
  const settings = await getRuleSettingsForOrgs(w.trx, 'M-37', new Map(units.rows.map((u) => [u.id, u.path])));
  const [reports, records, expenses] = await Promise.all([
    w.trx
      .selectFrom('interference_reports')
      .select(['id', 'org_id', 'year', 'quarter', 'records'])
      .where('org_id', 'in', orgIds)
      .execute(),
    w.trx
      .selectFrom('interference_records')
      .select(['id', 'org_id', 'asked_on', 'unrecorded_cadre_id'])
      .where('org_id', 'in', orgIds)
      .orderBy('asked_on')
      .orderBy('id')
      .execute(),
    w.trx
      .selectFrom('expenses')
      .select(['id', 'org_id', 'spent_on', 'purpose', 'amount_yuan'])
      .where('org_id', 'in', orgIds)
      .orderBy('spent_on')
      .orderBy('id')
      .execute(),
  ]);
  const installed = await installedOn(w.trx, w.now);
  const found: Found[] = [];
  for (const u of units.rows) {
    const s = settings.get(u.id)!;
    const mine = reports.filter((r) => r.org_id === u.id);
    if (u.obliged)
      for (const q of quartersBetween(s.reportsFrom || installed, today)) {
        const due = ctx.calendar.addWorkingDays(quarterRange(q)[1], s.reportWithinWorkingDays).due;
        if (due < today && !mine.some((r) => r.year === q.year && r.quarter === q.quarter))
          found.push({
            subjectId: u.id,
            ruleId: 'M-37',
            level: 'yellow',
            message: `${q.year} 年第 ${q.quarter} 季度插手干预重大事项记录情况未按期报告（应于 ${due} 前）`,
            messageEn: `The interference report for ${q.year} Q${q.quarter} was not filed by ${due}`,
            settings: { reportWithinWorkingDays: s.reportWithinWorkingDays },
            evidence: [{ year: q.year, quarter: q.quarter, dueOn: due }],
          });
      }
    for (const r of mine.filter((x) => x.records === 0)) {
      const inside = records.filter((x) => {
        const q = quarterOf(x.asked_on);
        return x.org_id === u.id && q.year === r.year && q.quarter === r.quarter;
      });
      if (inside.length)
        found.push({
          subjectId: u.id,
          ruleId: 'M-37',
          level: 'red',
          message: `${r.year} 年第 ${r.quarter} 季度报告为零报告，但该季度有 ${inside.length} 条插手干预记录`,
          messageEn: `The zero report for ${r.year} Q${r.quarter} is contradicted by ${inside.length} record(s)`,
          settings: {},
          evidence: [{ reportId: r.id, year: r.year, quarter: r.quarter, recordIds: inside.map((x) => x.id) }],
        });
    }
    for (const e of expenses.filter((x) => x.org_id === u.id && Number(x.amount_yuan) >= s.jointSignatureYuan)) {
      const missing = await missingSigners(w.trx, e.id, u.id, e.spent_on, s.jointSignerRoles);
      if (missing.length)
        found.push({
          subjectId: u.id,
          ruleId: 'M-37',
          level: 'yellow',
          message: `${e.spent_on} 大额支出「${e.purpose}」${Number(e.amount_yuan).toLocaleString('zh-CN')} 元未经班子会签（缺 ${missing.map((m) => m.name).join('、')}）`,
          messageEn: `The expense "${e.purpose}" of ${e.spent_on} lacks ${missing.length} joint signature(s)`,
          settings: { jointSignatureYuan: s.jointSignatureYuan, jointSignerRoles: s.jointSignerRoles },
          evidence: [{ expenseId: e.id, spentOn: e.spent_on, missing: missing.map((m) => m.cadreId) }],
        });
    }
  }
  await recordFindings(w, { source: 'decisions.interference', subjectKind: 'org', subjectIds: orgIds, found, today });
  await refreshUnrecorded(w, [...new Set(records.flatMap((r) => r.unrecorded_cadre_id ?? []))], settings, today);
}

/** The day this part of the app was installed (migration 0026, in Beijing): no report is owed for before it. */
export async function installedOn(db: Kysely<DB>, now: Date): Promise<string> {
  const r = await sql<{ on: string | null }>`select (applied_at at time zone 'Asia/Shanghai')::date::text as on
    from schema_migrations where name = '0026_interference.sql'`.execute(db);
  return r.rows[0]?.on ?? toCstDate(now);
}

async function refreshUnrecorded(
  w: WriteCtx,
  cadreIds: number[],
  settings: Map<number, { onceAction: string; repeatAction: string; repeatFrom: number }>,
  today: string,
) {
  if (!cadreIds.length) return;
  const rows = await w.trx
    .selectFrom('interference_records')
    .select(['id', 'org_id', 'asked_on', 'unrecorded_cadre_id'])
    .where('unrecorded_cadre_id', 'in', cadreIds)
    .orderBy('asked_on')
    .orderBy('id')
    .execute();
  const fallback = RULE_DEFINITIONS['M-37'].defaults; // a unit outside this batch: the defaults
  const seen = new Map<number, number>();
  const found: Found[] = rows.map((r) => {
    const n = (seen.get(r.unrecorded_cadre_id!) ?? 0) + 1;
    seen.set(r.unrecorded_cadre_id!, n);
    const s = settings.get(r.org_id) ?? fallback;
    const action = n >= s.repeatFrom ? s.repeatAction : s.onceAction;
    return {
      subjectId: r.unrecorded_cadre_id!,
      ruleId: 'M-37',
      level: n >= s.repeatFrom ? 'red' : 'yellow',
      message: `第 ${n} 次发现受请托未按规定记录报告插手干预（${r.asked_on}），建议${action}`,
      messageEn: `Interference not recorded (${r.asked_on}), time ${n}: ${action} proposed`,
      settings: s,
      evidence: [{ recordId: r.id, askedOn: r.asked_on, times: n, proposed: action }],
    };
  });
  await recordFindings(w, { source: CADRE_SOURCE, subjectKind: 'cadre', subjectIds: cadreIds, found, today });
}

/** The daily sweep: every unit, so a quarter's deadline passing is a finding without waiting for a write there. */
export async function sweepInterference(ctx: AppContext, actor: Actor) {
  const ids = (await ctx.db.selectFrom('orgs').select('id').orderBy('id').execute()).map((o) => o.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await write(ctx.db, ctx.clock, actor, async (w) => {
      await refreshInterferenceFindings(ctx, w, chunk);
      w.record({ action: 'interference.sweep', entity: 'finding', detail: { orgs: chunk.length } });
    });
  }
  return { orgs: ids.length };
}
