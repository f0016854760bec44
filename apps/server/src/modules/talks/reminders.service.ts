// M-27 reminders of supervision duties, through the deadline engine's reminders (platform/deadlines): the daily job
// tells each leader (every account linked to the duty's owner) of a duty coming due within `soonDays`, and again when
// it is overdue. The job's run is trailed with its counts; the reader's inbox and its routes are the platform's.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { toCstDate } from '../../platform/clock/index.js';
import { remindOpen } from '../../platform/deadlines/index.js';
import type { DataScope } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { DUTIES } from './duties.deadlines.js';
import { dutyWithin } from './obligations.service.js';
import { TALK_KINDS } from './talk-kinds.dicts.js';

/** The talk kind's Chinese name, in SQL (a CASE over TALK_KINDS). */
const talkKindLabel = sql.join(
  Object.entries(TALK_KINDS).map(([k, v]) => sql`when ${k} then ${v.zh}`),
  sql` `,
);

/** The daily job for every duty; run by hand (`within`), for the duties about units in the caller's scope (issue 11 §2). */
export async function remindDuties(
  ctx: AppContext,
  actor: Actor,
  opts: { soonDays?: number; within?: DataScope } = {},
) {
  const soonDays = opts.soonDays ?? 7;
  const today = toCstDate(ctx.clock.now());
  const soon = ctx.calendar.addCalendarDays(today, soonDays);
  // Rows opened before duties had titles keep the two phrasings they had.
  const what = sql<string>`case when d.rule_id = 'M-22' then '任职谈话' when d.title is null or d.obligation = 'lower_principal_talk' then '本半年度谈话'
    when d.talk_kind is not null then d.title || '（' || (case d.talk_kind ${talkKindLabel} else d.talk_kind end) || '）' else d.title end`;
  const withWhom = sql<string>`case when s.name is null then '' else '与' || s.name || '同志' end`;
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const counts = await remindOpen(w, DUTIES, {
      today,
      soonUntil: soon,
      joins: sql`left join cadres s on s.id = d.subject_cadre_id`,
      accounts: sql`a.cadre_id = d.owner_cadre_id`,
      where: dutyWithin(opts.within),
      link: '/my/duties',
      title: (stage) =>
        stage === 'soon'
          ? sql<string>`'请于 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 前' || ${withWhom} || '完成' || ${what}`
          : sql<string>`'已逾期：' || ${withWhom} || case when s.name is null then '' else '的' end || ${what} || '应于 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 前完成'`,
    });
    w.record({
      action: 'duties.remind',
      entity: 'notification',
      detail: { today, ...counts, ...(opts.within ? { scope: opts.within.code, orgId: opts.within.orgId } : {}) },
    });
    return counts;
  });
}
