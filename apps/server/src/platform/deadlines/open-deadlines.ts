// Every open deadline of every kind in the caller's scope (issue 12 §1; the base of the warning dashboard, M-80): the
// view open_deadlines, each source's rows limited to the ids its own reads show the caller. Counts per source and
// kind, and the items most overdue first.
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../context.js';
import type { Auth } from '../auth/index.js';
import { toCstDate } from '../clock/index.js';
import { toLimitOffset } from '../http/paging.js';
import { dayDiff } from './deadline-table.js';
import type { DeadlineRegistry } from './openers.js';

export interface OpenDeadlineQuery {
  orgId?: number;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export async function openDeadlines(ctx: AppContext, reg: DeadlineRegistry, auth: Auth, q: OpenDeadlineQuery) {
  const today = toCstDate(ctx.clock.now());
  const sources = [...reg.sources.values()].flatMap((s) => {
    const ids = s.visible(ctx, auth);
    return ids ? [{ s, ids }] : [];
  });
  if (!sources.length) return { today, total: 0, counts: [], items: [] };
  let base = ctx.db
    .selectFrom('open_deadlines as o')
    .innerJoin('orgs as u', 'u.id', 'o.org_id')
    .leftJoin('cadres as c', 'c.id', 'o.cadre_id')
    .leftJoin('cadres as w', 'w.id', 'o.owner_cadre_id')
    .where((eb) => eb.or(sources.map(({ s, ids }) => eb.and([eb('o.source', '=', s.source), eb('o.id', 'in', ids)]))));
  if (q.orgId) base = base.where(sql<SqlBool>`u.path <@ (select path from orgs where id = ${q.orgId})`);
  const counts = await base
    .select([
      'o.source',
      'o.kind',
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where o.due_on < ${today}::date and o.paused_on is null)`.as('overdue'),
    ])
    .groupBy(['o.source', 'o.kind'])
    .orderBy('o.source')
    .orderBy('o.kind')
    .execute();
  if (q.overdue) base = base.where('o.due_on', '<', today).where('o.paused_on', 'is', null);
  const { limit, offset } = toLimitOffset(q);
  const rows = await base
    .select([
      'o.source',
      'o.id',
      'o.kind',
      'o.due_on',
      'o.start_on',
      'o.unit',
      'o.paused_on',
      'u.id as org_id',
      'u.name as org_name',
      'c.id as cadre_id',
      'c.name as cadre_name',
      'w.id as owner_id',
      'w.name as owner_name',
    ])
    .orderBy('o.due_on')
    .orderBy('o.source')
    .orderBy('o.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const label = (source: string, kind: string) => reg.sources.get(source)?.kindLabel(kind) ?? kind;
  const total = counts.reduce((n, c) => n + Number(q.overdue ? c.overdue : c.open), 0);
  return {
    today,
    total,
    counts: counts.map((c) => ({
      source: c.source,
      sourceLabel: reg.sources.get(c.source)?.zh ?? c.source,
      kind: c.kind,
      kindLabel: label(c.source, c.kind),
      open: Number(c.open),
      overdue: Number(c.overdue),
    })),
    items: rows.map((r) => ({
      source: r.source,
      id: r.id,
      kind: r.kind,
      kindLabel: label(r.source, r.kind),
      startOn: r.start_on,
      dueOn: r.due_on,
      paused: r.paused_on != null,
      overdueDays:
        r.paused_on == null && r.due_on < today
          ? r.unit === 'working'
            ? ctx.calendar.workingDaysBetween(r.due_on, today)
            : dayDiff(r.due_on, today)
          : 0,
      unit: r.unit,
      org: { id: r.org_id, name: r.org_name },
      cadre: r.cadre_id == null ? null : { id: r.cadre_id, name: r.cadre_name ?? '' },
      owner: r.owner_id == null ? null : { id: r.owner_id, name: r.owner_name ?? '' },
    })),
  };
}
