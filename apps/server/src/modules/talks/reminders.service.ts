// M-27 reminders in the app: the daily job tells each leader (every account linked to the duty's owner) of a duty
// coming due within `soonDays`, and again when it is overdue. Set-based and idempotent (one reminder per account,
// duty and stage). Reminders are the reader's own inbox, not supervision data: reading one is not trailed, and the
// table is not trail-guarded; the job's run is trailed with its counts.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { toCstDate } from '../../platform/clock/index.js';
import { notFound } from '../../platform/http/index.js';
import type { DataScope } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
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
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const insert = (
      stage: 'soon' | 'overdue',
      when: ReturnType<typeof sql<boolean>>,
      title: ReturnType<typeof sql<string>>,
    ) =>
      sql`
      insert into notifications (account_id, kind, dedupe_key, title, link, created_at)
      select a.id, 'duty.' || ${stage}, 'duty:' || d.id || ':' || ${stage}, ${title}, '/my/duties', ${w.now}
      from duties d join accounts a on a.cadre_id = d.owner_cadre_id and not a.disabled left join cadres s on s.id = d.subject_cadre_id
      where d.done_on is null and d.waived_reason is null and ${when} and ${dutyWithin(opts.within)}
      on conflict do nothing`.execute(w.trx);
    // Rows opened before duties had titles keep the two phrasings they had.
    const what = sql<string>`case when d.rule_id = 'M-22' then '任职谈话' when d.title is null or d.obligation = 'lower_principal_talk' then '本半年度谈话'
      when d.talk_kind is not null then d.title || '（' || (case d.talk_kind ${talkKindLabel} else d.talk_kind end) || '）' else d.title end`;
    const withWhom = sql<string>`case when s.name is null then '' else '与' || s.name || '同志' end`;
    const soonRes = await insert(
      'soon',
      sql<boolean>`d.due_on between ${today}::date and ${soon}::date`,
      sql<string>`'请于 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 前' || ${withWhom} || '完成' || ${what}`,
    );
    const overdueRes = await insert(
      'overdue',
      sql<boolean>`d.due_on < ${today}::date`,
      sql<string>`'已逾期：' || ${withWhom} || case when s.name is null then '' else '的' end || ${what} || '应于 ' || to_char(d.due_on, 'YYYY-MM-DD') || ' 前完成'`,
    );
    const counts = { soon: Number(soonRes.numAffectedRows ?? 0), overdue: Number(overdueRes.numAffectedRows ?? 0) };
    w.record({
      action: 'duties.remind',
      entity: 'notification',
      detail: { today, ...counts, ...(opts.within ? { scope: opts.within.code, orgId: opts.within.orgId } : {}) },
    });
    return counts;
  });
}

export async function myNotifications(ctx: AppContext, auth: Auth, unreadOnly: boolean) {
  let q = ctx.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'link', 'created_at', 'read_at'])
    .where('account_id', '=', auth.accountId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [items, unread] = await Promise.all([
    q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute(),
    ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', auth.accountId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      link: n.link,
      at: n.created_at.toISOString(),
      read: n.read_at != null,
    })),
  };
}

export async function markRead(ctx: AppContext, auth: Auth, id: number) {
  const res = await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('account_id', '=', auth.accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const mine = await ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('account_id', '=', auth.accountId)
      .executeTakeFirst();
    if (!mine) throw notFound();
  }
  return { id, read: true };
}
