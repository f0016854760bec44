// The annual personal matters report as a deadline (issue 15 §1, M-40) on the platform's one engine: from 1 January
// the daily job opens one duty per cadre in a reporting post on 31 December of the year before (ranks as the unit's
// M-40 settings say; 正科级 principals when `sectionPrincipals`), due on the setting's day; the submitted annual report
// meets it in the same write. Overdue duties are findings (the report missing after its day; filed late) and
// reminders to the cadre. Candidates under review (`004`) join when the selection records of M-45 exist.
import { sql } from 'kysely';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { deadlineTable, remindOpen } from '../../platform/deadlines/index.js';
import { recordFindings } from '../../platform/findings/index.js';
import { getRuleSettingsForOrgs, type Finding } from '../../platform/rules/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';

export const PM_DUTIES = deadlineTable({
  table: 'pm_duties',
  entity: 'pm_duty',
  action: 'pm_duty',
  met: 'done_on',
  closed: ['PM_DUTY_CLOSED', '该年度报告义务已完成或已免除', 'This annual report is already filed or waived'],
});

/** Highest first: a cadre holding several posts reports once, under the highest. */
const RANKS = ['dept_full', 'dept_deputy', 'div_full', 'div_deputy', 'sec_full'] as const;

/** Opens the duties of `year`'s annual report (idempotent) and meets those already filed. */
export async function openAnnualDuties(ctx: AppContext, actor: Actor, year: number) {
  const dec31 = `${year}-12-31`;
  const posts = await ctx.db
    .selectFrom('posts as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.cadre_id', 'p.org_id', 'p.rank', 'p.is_principal', 'o.path'])
    .where('p.start_date', '<=', dec31)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', dec31)]))
    .where('p.rank', 'in', [...RANKS])
    .execute();
  const settings = await getRuleSettingsForOrgs(ctx.db, 'M-40', new Map(posts.map((p) => [p.org_id, p.path])));
  const best = new Map<number, { org_id: number; rank: string; due: string }>();
  for (const p of posts) {
    const s = settings.get(p.org_id);
    if (!s) continue;
    const reports =
      (s.reportingRanks as string[]).includes(p.rank) ||
      (s.sectionPrincipals && p.rank === 'sec_full' && p.is_principal);
    const held = best.get(p.cadre_id);
    if (!reports || (held && RANKS.indexOf(held.rank as never) <= RANKS.indexOf(p.rank as never))) continue;
    best.set(p.cadre_id, { org_id: p.org_id, rank: p.rank, due: `${year + 1}-${s.annualDue}` });
  }
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const opened = await PM_DUTIES.open(
      w,
      [...best].map(([cadreId, b]) => ({
        cadre_id: cadreId,
        org_id: b.org_id,
        year,
        rank: b.rank,
        start_on: `${year + 1}-01-01`,
        due_on: b.due,
        created_at: w.now,
      })),
    );
    const met = await sql`update pm_duties d set done_on = r.submitted_on, report_id = r.id
      from pm_reports r where r.cadre_id = d.cadre_id and r.kind = 'annual' and r.year = d.year
        and r.corrects_id is null and r.status = 'submitted' and d.year = ${year} and d.done_on is null`.execute(w.trx);
    w.record({
      action: 'pm_duty.open',
      entity: 'pm_duty',
      detail: { year, reporting: best.size, opened: opened.length, met: Number(met.numAffectedRows ?? 0) },
    });
    return { year, reporting: best.size, opened: opened.length };
  });
}

/** Meets the year's open duty of the cadre with the annual report just submitted (in the submit's write). */
export async function meetAnnualDuty(w: WriteCtx, cadreId: number, year: number, reportId: number, on: string) {
  await w.trx
    .updateTable('pm_duties')
    .set({ done_on: on, report_id: reportId })
    .where('cadre_id', '=', cadreId)
    .where('year', '=', year)
    .where(PM_DUTIES.isOpen(''))
    .execute();
}

/** The findings of a year's duties: a report missing after its day (red), a report filed late (yellow). */
export async function refreshDutyFindings(w: WriteCtx, year: number, cadreIds?: number[]) {
  const today = toCstDate(w.now);
  let q = w.trx
    .selectFrom('pm_duties')
    .select(['cadre_id', 'due_on', 'done_on', 'waived_reason'])
    .where('year', '=', year);
  if (cadreIds) q = q.where('cadre_id', 'in', cadreIds);
  const rows = await q.orderBy('cadre_id').execute();
  if (!rows.length) return { active: 0, reopened: 0 };
  const found: Array<Finding & { subjectId: number }> = rows.flatMap((d) => {
    const due = String(d.due_on);
    const missing = d.done_on === null && d.waived_reason === null && today > due;
    const late = d.done_on !== null && String(d.done_on) > due;
    if (!missing && !late) return [];
    return [
      {
        subjectId: d.cadre_id,
        ruleId: 'M-40' as const,
        level: missing ? ('red' as const) : ('yellow' as const),
        message: missing
          ? `${year} 年度个人有关事项报告应于 ${due} 前提交，至今未提交`
          : `${year} 年度个人有关事项报告逾期提交（应于 ${due} 前，${d.done_on} 提交）`,
        messageEn: missing
          ? `The ${year} annual personal matters report was due by ${due} and is not filed`
          : `The ${year} annual personal matters report was filed late (due ${due}, filed ${d.done_on})`,
        settings: { annualDue: due.slice(5) },
        evidence: [{ year, dueOn: due, filedOn: d.done_on }],
      },
    ];
  });
  return recordFindings(w, {
    source: `personal.annual:${year}`,
    subjectKind: 'cadre',
    subjectIds: rows.map((r) => r.cadre_id),
    found,
    today,
  });
}

/** The daily job: opens last year's duties, records their findings, and reminds each cadre of theirs. */
export async function personalDutiesJob(ctx: AppContext, actor: Actor, soonDays = 7) {
  const today = toCstDate(ctx.clock.now());
  const year = Number(today.slice(0, 4)) - 1;
  const opened = await openAnnualDuties(ctx, actor, year);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const findings = await refreshDutyFindings(w, year);
    const reminders = await remindOpen(w, PM_DUTIES, {
      today,
      soonUntil: ctx.calendar.addCalendarDays(today, soonDays),
      joins: sql``,
      accounts: sql`a.cadre_id = d.cadre_id`,
      where: sql`d.year = ${year}`,
      link: '/my/personal',
      title: (stage) =>
        stage === 'soon'
          ? sql<string>`'请于 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 前提交 ' || d.year || ' 年度个人有关事项报告'`
          : sql<string>`'已逾期：' || d.year || ' 年度个人有关事项报告应于 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 前提交'`,
    });
    w.record({ action: 'pm_duty.remind', entity: 'notification', detail: { year, ...reminders } });
    return { ...opened, active: findings.active, reminders };
  });
}
