// M-12 statutory clocks of a report's life, on the platform's one deadline engine (platform/deadlines): a clock is a
// row of case_deadlines opened in the same transaction as the event that starts it and met by the event that ends
// it; an overdue queue is the open rows whose due date has passed. Due dates come from the one due-date function,
// with the periods as rule settings (M-12, M-15), so a unit that counts differently changes data, not code.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate, type DeadlineRule } from '../../platform/clock/index.js';
import { dayDiff, deadlineTable, dueOn, type DeadlineSource } from '../../platform/deadlines/index.js';
import { can } from '../../platform/auth/index.js';
import { getRuleSettings, type RuleSettings } from '../../platform/rules/index.js';
import { AppError, conflict } from '../../platform/http/index.js';
import { orgVisible, outOfScope } from '../../platform/scope/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import { notRecused } from './routing.service.js';

export const DEADLINE_KINDS = {
  accept_decision: { zh: '待作出受理决定', en: 'Acceptance decision due', queue: 'disposal' },
  inform_named: { zh: '实名举报人待告知受理情况', en: 'Named reporter not yet informed', queue: 'inform' },
  disposal: { zh: '线索待办结', en: 'Clue handling due', queue: 'disposal' },
  inquiry_reply: { zh: '函询待回复', en: 'Letter of inquiry reply due', queue: 'inquiry' },
  hold_review: { zh: '暂存待查待复查', en: 'Hold review due', queue: 'hold' },
  inform_result: { zh: '实名举报人待告知办理结果', en: 'Named reporter not yet told the result', queue: 'inform' },
} as const;
export type DeadlineKind = keyof typeof DEADLINE_KINDS;

/** The four overdue queues the issue names, each on the dashboard. */
export const QUEUES = {
  disposal: ['处置办理逾期', 'Disposal overdue'],
  inquiry: ['函询回复逾期', 'Inquiry reply overdue'],
  hold: ['暂存待查复查逾期', 'Hold review overdue'],
  inform: ['实名举报人告知逾期', 'Named reporter not informed in time'],
} as const;
export type Queue = keyof typeof QUEUES;

/** The table of a report's clocks on the engine. */
export const CASE_CLOCKS = deadlineTable({
  table: 'case_deadlines',
  entity: 'case_deadline',
  action: 'deadline',
  met: 'met_at',
  closed: ['DEADLINE_MET', '该时限已完成', 'This deadline is already met'],
});

export interface OpenDeadline {
  kind: DeadlineKind;
  reportId: number;
  clueId?: number;
  letterId?: number;
  startOn: string;
  /** A period from startOn, or a fixed date (a hold's review date). */
  rule: DeadlineRule | { dueOn: string };
}

/** Opens a clock inside the caller's write, due by the calendar. Returns the due date. */
export async function openDeadline(ctx: AppContext, w: WriteCtx, d: OpenDeadline): Promise<string> {
  const due = 'dueOn' in d.rule ? d.rule.dueOn : dueOn(ctx.calendar, d.startOn, d.rule);
  await CASE_CLOCKS.open(w, [
    {
      kind: d.kind,
      report_id: d.reportId,
      clue_id: d.clueId ?? null,
      letter_id: d.letterId ?? null,
      start_on: d.startOn,
      due_on: due,
      unit: 'dueOn' in d.rule ? 'calendar' : d.rule.unit,
      created_at: w.now,
    },
  ]);
  return due;
}

/** Stops clocks: every open one of these kinds on the report (or clue, or letter). */
export async function meetDeadlines(
  w: WriteCtx,
  kinds: DeadlineKind[],
  on: { reportIds?: number[]; clueId?: number; letterId?: number },
) {
  let q = w.trx
    .updateTable('case_deadlines')
    .set({ met_at: w.now })
    .where(CASE_CLOCKS.isOpen(''))
    .where('kind', 'in', kinds);
  if (on.reportIds) q = q.where('report_id', 'in', on.reportIds.length ? on.reportIds : [0]);
  if (on.clueId) q = q.where('clue_id', '=', on.clueId);
  if (on.letterId) q = q.where('letter_id', '=', on.letterId);
  await q.execute();
}

/** The clocks a report starts on intake (M-12): the acceptance decision, and telling a named reporter. Rows to insert. */
export function intakeDeadlines(
  ctx: AppContext,
  s: RuleSettings<'M-12'>,
  r: { id: number; receivedAt: Date; anonymous: boolean; now: Date },
) {
  const startOn = toCstDate(r.receivedAt);
  const row = (kind: DeadlineKind, rule: DeadlineRule) => ({
    kind,
    report_id: r.id,
    clue_id: null,
    letter_id: null,
    start_on: startOn,
    due_on: dueOn(ctx.calendar, startOn, rule),
    unit: rule.unit,
    created_at: r.now,
  });
  const rows = [row('accept_decision', { days: s.petitionDecideDays, unit: 'calendar' })];
  if (!r.anonymous) rows.push(row('inform_named', { days: s.informNamedReporterWorkingDays, unit: 'working' }));
  return rows;
}

/** Deadlines visible to the caller: through the report's competent unit, and never to an account linked to the accused. */
export function visibleDeadlines(ctx: AppContext, auth: Auth) {
  return ctx.db
    .selectFrom('case_deadlines as d')
    .innerJoin('reports as r', 'r.id', 'd.report_id')
    .innerJoin('orgs as o', 'o.id', 'r.competent_org_id')
    .leftJoin('clues as c', 'c.id', 'd.clue_id')
    .where((eb) =>
      eb.or([
        orgVisible(auth.scope, 'o'),
        eb.exists(
          eb
            .selectFrom('orgs as h')
            .select('h.id')
            .whereRef('h.id', '=', 'c.handling_org_id')
            .where(orgVisible(auth.scope, 'h')),
        ),
      ]),
    )
    .where(notRecused(auth.scope.cadreId));
}

/** The clocks as the list of every open deadline shows them: to those who may read reports, as visibleDeadlines. */
export const caseDeadlineSource: DeadlineSource = {
  source: 'case_deadline',
  zh: '信访举报办理时限',
  en: 'Report handling clocks',
  visible: (ctx, auth) => (can(auth.role, 'reports.read') ? visibleDeadlines(ctx, auth).select('d.id') : null),
  kindLabel: (kind) => DEADLINE_KINDS[kind as DeadlineKind]?.zh ?? kind,
};

const inSubtree = (orgId: number | undefined) =>
  orgId == null ? sql<boolean>`true` : sql<boolean>`o.path <@ (select path from orgs where id = ${orgId})`;

/** Counts per queue: overdue now, and due within the next `soonDays` calendar days. */
export async function queueCounts(ctx: AppContext, auth: Auth, orgId?: number, soonDays = 5) {
  const today = toCstDate(ctx.clock.now());
  const soon = ctx.calendar.addCalendarDays(today, soonDays);
  const rows = await visibleDeadlines(ctx, auth)
    .where(CASE_CLOCKS.isOpen('d'))
    .where(inSubtree(orgId))
    .select([
      'd.kind',
      sql<string>`count(*) filter (where d.due_on < ${today})`.as('overdue'),
      sql<string>`count(*) filter (where d.due_on >= ${today} and d.due_on <= ${soon})`.as('due_soon'),
    ])
    .groupBy('d.kind')
    .execute();
  const out = Object.fromEntries(
    Object.entries(QUEUES).map(([q, [zh, en]]) => [q, { queue: q, labelZh: zh, labelEn: en, overdue: 0, dueSoon: 0 }]),
  );
  for (const r of rows) {
    const q = out[DEADLINE_KINDS[r.kind as DeadlineKind].queue];
    q.overdue += Number(r.overdue);
    q.dueSoon += Number(r.due_soon);
  }
  return { today, queues: Object.values(out) };
}

/** One queue's items, most overdue first. Items name the report and clue, never the reporter. */
export async function queueItems(
  ctx: AppContext,
  auth: Auth,
  queue: Queue,
  q: { orgId?: number; limit: number; offset: number },
) {
  const today = toCstDate(ctx.clock.now());
  const kinds = (Object.keys(DEADLINE_KINDS) as DeadlineKind[]).filter((k) => DEADLINE_KINDS[k].queue === queue);
  const base = visibleDeadlines(ctx, auth)
    .where(CASE_CLOCKS.isOpen('d'))
    .where('d.kind', 'in', kinds)
    .where('d.due_on', '<', today)
    .where(inSubtree(q.orgId));
  const [rows, n] = await Promise.all([
    base
      .select([
        'd.id',
        'd.kind',
        'd.unit',
        'd.due_on',
        'd.start_on',
        'd.extended_days',
        'd.report_id',
        'r.number as report_number',
        'r.accused_name',
        'd.clue_id',
        'c.number as clue_number',
        'd.letter_id',
        'o.name as org_name',
      ])
      .orderBy('d.due_on')
      .orderBy('d.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(n.n),
    today,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: DEADLINE_KINDS[r.kind as DeadlineKind].zh,
      dueOn: r.due_on,
      startOn: r.start_on,
      // Counted in the clock's own unit: a 60-day handling period is overdue by days, a 15-working-day one by working days.
      overdueDays: r.unit === 'working' ? ctx.calendar.workingDaysBetween(r.due_on, today) : dayDiff(r.due_on, today),
      overdueUnit: r.unit,
      extended: r.extended_days > 0,
      reportId: r.report_id,
      reportNumber: r.report_number,
      accusedName: r.accused_name,
      clueId: r.clue_id,
      clueNumber: r.clue_number,
      letterId: r.letter_id,
      competentOrgName: r.org_name,
    })),
  };
}

/** M-12: a clue's handling period may be extended once, by the setting's days, with a reason (trailed). */
export async function extendDeadline(ctx: AppContext, auth: Auth, actor: Actor, id: number, reason: string) {
  const d = await visibleDeadlines(ctx, auth)
    .select(['d.id', 'd.kind', 'd.due_on', 'd.extended_days', 'd.met_at', 'r.competent_org_id'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) throw await outOfScope(ctx, actor, 'case_deadline', id);
  if (d.kind !== 'disposal')
    throw new AppError(409, 'NOT_EXTENDABLE', '该时限不可延长', 'This deadline cannot be extended');
  if (d.met_at) throw conflict('DEADLINE_MET', '该时限已完成', 'This deadline is already met');
  if (d.extended_days > 0)
    throw conflict('ALREADY_EXTENDED', '办理期限只能延长一次', 'The handling period can be extended only once');
  const days = (await getRuleSettings(ctx.db, 'M-12', d.competent_org_id)).values.petitionExtensionDays;
  return write(ctx.db, ctx.clock, actor, (w) =>
    CASE_CLOCKS.extend(w, ctx.calendar, id, days, reason, [
      'ALREADY_EXTENDED',
      '办理期限只能延长一次',
      'The handling period can be extended only once',
    ]),
  );
}
