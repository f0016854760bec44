// 报告管理 (issue 15 §1, M-40): a year's annual reports of the cadres in the organization department's scope — filed,
// filed late, missing after the due day, still due, waived — with the counts of each. No values of any report.
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { pageQuery, toLimitOffset } from '../../platform/http/index.js';
import { org, orgVisible } from '../../platform/scope/index.js';

export const DUTY_STATES = ['filed', 'late', 'missing', 'due', 'waived'] as const;
export type DutyState = (typeof DUTY_STATES)[number];

export const dutyListQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    orgId: org.inUrl().optional(),
    state: z.enum(DUTY_STATES).optional(),
    ...pageQuery,
  })
  .strict();

/** A duty's state on `today`, in SQL. */
const stateOf = (today: string) =>
  sql<DutyState>`case when d.done_on is not null then (case when d.done_on > d.due_on then 'late' else 'filed' end)
    when d.waived_reason is not null then 'waived' when d.due_on < ${today}::date then 'missing' else 'due' end`;

export async function listDuties(ctx: AppContext, auth: Auth, q: z.infer<typeof dutyListQuery>) {
  const today = toCstDate(ctx.clock.now());
  let base = ctx.db
    .selectFrom('pm_duties as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .innerJoin('cadres as c', 'c.id', 'd.cadre_id')
    .where('d.year', '=', q.year)
    .where(orgVisible(auth.scope, 'o'));
  if (q.orgId) base = base.where(sql<SqlBool>`o.path <@ (select path from orgs where id = ${q.orgId})`);
  const counted = await base
    .select([stateOf(today).as('state'), sql<string>`count(*)`.as('n')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(DUTY_STATES.map((s) => [s, 0])) as Record<DutyState, number>;
  for (const r of counted) counts[r.state] = Number(r.n);
  const filtered = q.state ? base.where(stateOf(today), '=', q.state) : base;
  const { limit, offset } = toLimitOffset(q);
  const rows = await filtered
    .select([
      'd.id',
      'd.cadre_id',
      'c.name as cadre_name',
      'd.org_id',
      'o.name as org_name',
      'd.rank',
      'd.due_on',
      'd.done_on',
      'd.report_id',
      'd.waived_reason',
      stateOf(today).as('state'),
    ])
    // Missing first, then due, then the rest; within each, by unit and name.
    .orderBy(sql`array_position(array['missing','due','late','filed','waived'], ${stateOf(today)}::text)`)
    .orderBy('o.path')
    .orderBy('c.name_sort')
    .orderBy('d.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    today,
    year: q.year,
    total: q.state ? counts[q.state] : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    items: rows.map((r) => ({
      id: r.id,
      cadreId: r.cadre_id,
      cadreName: r.cadre_name,
      orgId: r.org_id,
      orgName: r.org_name,
      rank: r.rank,
      dueOn: String(r.due_on),
      filedOn: r.done_on === null ? null : String(r.done_on),
      reportId: r.report_id,
      waivedReason: r.waived_reason,
      state: r.state,
    })),
  };
}
