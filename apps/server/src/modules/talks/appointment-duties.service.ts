// The talk duties a principal's post opens (“上级一把手必须抓好下级一把手”):
//   M-22 an appointment talk within `dueDays` (30, calendar days) of a lower principal's appointment, owed by the
//        principal one level up — opened in the appointment's own transaction (the registry fires `post.started`),
//        and by the daily job for posts entered before (or loaded without the registry's write path);
//   M-23 a talk with each lower principal every half-year (when `talksPerHalfYear` ≥ 1), due on the period's last day.
// Both are idempotent: one duty per rule, owner, subject and source.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { WorkCalendar } from '../../platform/clock/index.js';
import { dueOn, periods } from '../../platform/deadlines/index.js';
import type { DataScope } from '../../platform/scope/index.js';
import type { WriteCtx } from '../../platform/trail/index.js';
import { principals } from '../registry/index.js';
import { DUTIES } from './duties.deadlines.js';
import { unitSetting, unitWithin } from './obligations.service.js';
import { DUTY_RULES } from './talk-kinds.dicts.js';
import { openPostOccasions } from './occasions.service.js';
import { settleTalkDuties } from './talk.service.js';

/** Which appointments: those starting in a range (the job), or one post (the event). */
export type AppointmentFilter = { range: { from: string; to: string }; within?: DataScope } | { postIds: number[] };

/** Opens the M-22 talks of the appointments the filter picks. Returns the ids of the duties opened. */
export async function openAppointmentTalks(
  calendar: WorkCalendar,
  w: WriteCtx,
  f: AppointmentFilter,
): Promise<number[]> {
  const which: RawBuilder<SqlBool> =
    'postIds' in f
      ? sql<SqlBool>`lp.post_id = any(${f.postIds}::int[])`
      : sql<SqlBool>`lp.start_date between ${f.range.from}::date and ${f.range.to}::date and ${unitWithin(f.within, 'c')}`;
  const found = await sql<{ owner: number; subject: number; org: number; start: string; post: number; days: number }>`
    select sp.cadre_id as owner, lp.cadre_id as subject, c.id as org, lp.start_date::text as start, lp.post_id as post,
      ${unitSetting<number>('M-22', 'dueDays')} as days
    from orgs c join ${principals} lp on lp.org_id = c.id join ${principals} sp on sp.org_id = c.parent_id
    where sp.cadre_id <> lp.cadre_id and ${which}`.execute(w.trx);
  return DUTIES.open(
    w,
    found.rows.map((r) => ({
      rule_id: 'M-22',
      obligation: 'appointment',
      title: DUTY_RULES['M-22'].zh,
      talk_kind: 'appointment',
      owner_cadre_id: r.owner,
      subject_cadre_id: r.subject,
      subject_org_id: r.org,
      period_start: r.start,
      due_on: dueOn(calendar, r.start, { days: Number(r.days), unit: 'calendar' }),
      source: `post:${r.post}`,
      created_at: w.now,
    })),
  );
}

/** Opens the M-23 half-yearly talks of [from, to]. Returns the number opened. */
export async function openHalfYearTalks(w: WriteCtx, range: { from: string; to: string }, within?: DataScope) {
  const perHalfYear = unitSetting<number>('M-23', 'talksPerHalfYear');
  let opened = 0;
  for (const [start, end, label] of periods(range.from, range.to, 'half_year')) {
    const res =
      await sql`insert into duties (rule_id, obligation, title, talk_kind, owner_cadre_id, subject_cadre_id, subject_org_id, period_start, due_on, source, created_at)
      select 'M-23', 'lower_principal_talk', ${DUTY_RULES['M-23'].zh}, null, sp.cadre_id, lp.cadre_id, c.id, ${start}::date, ${end}::date, ${label}, ${w.now}
      from orgs c join ${principals} lp on lp.org_id = c.id join ${principals} sp on sp.org_id = c.parent_id
      where sp.cadre_id <> lp.cadre_id and lp.start_date <= ${end}::date and ${perHalfYear} >= 1 and ${unitWithin(within, 'c')}
      on conflict do nothing`.execute(w.trx);
    opened += Number(res.numAffectedRows ?? 0);
  }
  return opened;
}

/**
 * The opener of `posts.started` (wired in app.ts): a new principal's M-22 talk, and the M-21 talk a promotion or a
 * transfer calls for, opened in the appointment's transaction (a roster's posts together, set-based); a talk already
 * held meets them at once.
 */
export const onPostsStarted =
  (ctx: { calendar: WorkCalendar }) =>
  async (w: WriteCtx, e: { postIds: number[] }): Promise<void> => {
    if (!e.postIds.length) return;
    // The calendar is read at each event: an edit of the holiday data replaces it.
    const ids = await openAppointmentTalks(ctx.calendar, w, { postIds: e.postIds });
    const opened = [...ids, ...(await openPostOccasions(ctx.calendar, w, { postIds: e.postIds }))];
    // Only the duties just opened (a talk held before meets them); the daily job settles the rest.
    if (opened.length) await settleTalkDuties(w, opened);
  };
