// M-19 report analysis for a subtree (`003` (二十)): volume by channel, problem type, unit and month; cadres with
// concentrated reports, counted as distinct matters (M-13) and leaving out matters found false (M-18); principals
// of lower units among them (the thematic list); and the overdue queues (M-12). Read-only, scoped and recused.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { PROBLEM_TYPES, type ProblemType } from './case-states.dicts.js';
import { queueCounts } from './deadlines.service.js';
import { addMonths } from './outcome-kinds.dicts.js';
import { visibleReports } from './report-access.service.js';
import { CHANNELS, type Channel } from './reports.schema.js';

export interface AnalysisQuery {
  orgId?: number;
  from?: string;
  to?: string;
}

export async function analyse(ctx: AppContext, auth: Auth, query: AnalysisQuery) {
  const rootId = query.orgId ?? auth.orgId;
  const root = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'path'])
    .where('id', '=', rootId)
    .executeTakeFirstOrThrow();
  const s = (await getRuleSettings(ctx.db, 'M-19', rootId)).values;
  const today = toCstDate(ctx.clock.now());
  const to = query.to ?? today;
  const from = query.from ?? addMonths(to, -s.periodMonths);
  const cst = sql<string>`(r.received_at at time zone 'Asia/Shanghai')::date`;
  const base = () =>
    visibleReports(ctx, auth)
      .where(sql<boolean>`o.path <@ ${root.path}::ltree`)
      .where(sql<boolean>`${cst} between ${from}::date and ${to}::date`);
  const depth = root.path.split('.').length;
  const [byChannel, byType, byUnit, byMonth, totals, pending, concentrated, queues] = await Promise.all([
    base()
      .select(['r.channel', sql<string>`count(*)`.as('n')])
      .groupBy('r.channel')
      .orderBy('n', 'desc')
      .execute(),
    base()
      .select([sql<string>`coalesce(r.problem_type, 'untriaged')`.as('t'), sql<string>`count(*)`.as('n')])
      .groupBy('t')
      .orderBy('n', 'desc')
      .execute(),
    // By the unit one level below the root (a city sees its counties), the root's own reports under the root.
    base()
      .innerJoin('orgs as u', (j) =>
        j.on(sql<boolean>`u.path = subpath(o.path, 0, least(nlevel(o.path), ${depth + 1}))`),
      )
      .select(['u.id', 'u.name', sql<string>`count(*)`.as('n')])
      .groupBy(['u.id', 'u.name'])
      .orderBy('n', 'desc')
      .limit(50)
      .execute(),
    base()
      .select([sql<string>`to_char(${cst}, 'YYYY-MM')`.as('month'), sql<string>`count(*)`.as('n')])
      .groupBy('month')
      .orderBy('month')
      .execute(),
    base()
      .select([sql<string>`count(*)`.as('reports'), sql<string>`count(distinct r.matter_id)`.as('matters')])
      .executeTakeFirstOrThrow(),
    // Reports proposed as duplicates and not yet confirmed or rejected: until then each counts as its own matter.
    base()
      .where(sql<boolean>`exists (select 1 from report_links l where l.report_id = r.id and l.status = 'proposed')`)
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
    concentratedCadres(ctx, auth, root.path, from, to, s.concentratedMatters),
    queueCounts(ctx, auth, rootId),
  ]);
  return {
    org: { id: root.id, name: root.name },
    from,
    to,
    settings: s,
    totals: { reports: Number(totals.reports), matters: Number(totals.matters), pendingLinks: Number(pending.n) },
    byChannel: byChannel.map((r) => ({
      key: r.channel,
      label: CHANNELS[r.channel as Channel]?.[0] ?? r.channel,
      n: Number(r.n),
    })),
    byProblemType: byType.map((r) => ({
      key: r.t,
      label: r.t === 'untriaged' ? '未甄别' : (PROBLEM_TYPES[r.t as ProblemType]?.[0] ?? r.t),
      n: Number(r.n),
    })),
    byUnit: byUnit.map((r) => ({ orgId: r.id, label: r.name, n: Number(r.n) })),
    byMonth: everyMonth(from, to).map((month) => ({
      month,
      n: Number(byMonth.find((r) => r.month === month)?.n ?? 0),
    })),
    concentrated,
    overdue: queues.queues,
  };
}

/** Cadres with at least `min` distinct matters in the period; matters found false do not count (M-18). */
async function concentratedCadres(
  ctx: AppContext,
  auth: Auth,
  rootPath: string,
  from: string,
  to: string,
  min: number,
) {
  const rows = await visibleReports(ctx, auth)
    .innerJoin('cadres as c', 'c.id', 'r.accused_cadre_id')
    .where(sql<boolean>`o.path <@ ${rootPath}::ltree`)
    .where(sql<boolean>`(r.received_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date`)
    .where(
      sql<boolean>`not exists (select 1 from clues f join reports fm on fm.id = f.report_id where fm.matter_id = r.matter_id and f.false_accusation)`,
    )
    .where('r.status', '<>', 'not_accepted')
    .select([
      'c.id',
      'c.name',
      sql<string>`count(distinct r.matter_id)`.as('matters'),
      sql<string>`count(*)`.as('reports'),
      sql<
        string | null
      >`(select string_agg(po.name || p.title, '、') from posts p join orgs po on po.id = p.org_id where p.cadre_id = c.id and p.end_date is null)`.as(
        'posts',
      ),
      sql<boolean>`exists (select 1 from posts p where p.cadre_id = c.id and p.end_date is null and p.is_principal)`.as(
        'principal',
      ),
    ])
    .groupBy(['c.id', 'c.name'])
    .having(sql<boolean>`count(distinct r.matter_id) >= ${min}`)
    .orderBy('matters', 'desc')
    .orderBy('c.id')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    cadreId: r.id,
    name: r.name,
    posts: r.posts,
    principal: r.principal,
    matters: Number(r.matters),
    reports: Number(r.reports),
  }));
}

/** Every month of the period, so a month without reports shows as 0 rather than vanishing from the axis. */
function everyMonth(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}
