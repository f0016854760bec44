// M-20 the talk register: who talked with whom, when, where, of what kind, what was said and what follows. Each talk
// enters the talkee's dossier timeline (M-08, section 谈话记录) and, in the same transaction, fulfils the open duty it
// answers (M-22, M-23). Scope: the talkee must be in the caller's view; a committee leader records only their own talks.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { assertNotAfterToday, AppError, invalidField, toLimitOffset } from '../../platform/http/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { cadreVisible, outOfScope, type DataScope } from '../../platform/scope/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import { TALK_KINDS, type TalkKind } from './talk-kinds.dicts.js';
import { attachmentsOf } from './record-attachments.service.js';
import { dutyWithin } from './obligations.service.js';

export interface NewTalk {
  kind: TalkKind;
  talkerCadreId: number;
  talkeeCadreId: number;
  heldOn: string;
  place?: string;
  summary: string;
  followUp?: string;
}

export async function recordTalk(ctx: AppContext, auth: Auth, actor: Actor, input: NewTalk) {
  if (auth.role === 'committee_leader' && input.talkerCadreId !== auth.scope.cadreId) {
    throw new AppError(
      403,
      'OWN_TALKS_ONLY',
      '党委领导只能登记本人主持的谈话',
      'A committee leader records only the talks they hold',
    );
  }
  if (input.talkerCadreId === input.talkeeCadreId)
    throw invalidField('talkeeCadreId', '谈话人与谈话对象不能是同一人', 'The two sides of a talk must differ');
  assertNotAfterToday(ctx.clock, 'heldOn', input.heldOn, ['谈话日期', 'A talk']);
  const people = await ctx.db
    .selectFrom('cadres')
    .select(['id', 'name', 'birth_date'])
    .where('id', 'in', [input.talkerCadreId, input.talkeeCadreId])
    .where((eb) => eb.or([eb('id', '=', input.talkerCadreId), cadreVisible(auth.scope, 'cadres')]))
    .execute();
  const talkee = people.find((p) => p.id === input.talkeeCadreId);
  const talker = people.find((p) => p.id === input.talkerCadreId);
  if (!talkee) throw await outOfScope(ctx, actor, 'cadre', input.talkeeCadreId);
  if (!talker) throw invalidField('talkerCadreId', '谈话人不存在', 'No such cadre');
  if (input.heldOn < talkee.birth_date)
    throw invalidField('heldOn', '谈话日期早于谈话对象出生日期', 'The talk predates the talkee');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const { id } = await w.trx
      .insertInto('talks')
      .values({
        kind: input.kind,
        talker_cadre_id: input.talkerCadreId,
        talkee_cadre_id: input.talkeeCadreId,
        held_on: input.heldOn,
        place: input.place ?? null,
        summary: input.summary,
        follow_up: input.followUp ?? null,
        recorded_by: auth.accountId,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendTimeline(w, {
      cadreId: input.talkeeCadreId,
      occurredOn: input.heldOn,
      eventType: 'talks.talk',
      sourceModule: 'talks',
      summary: `${TALK_KINDS[input.kind].zh}（谈话人：${talker.name}）`,
      refEntity: 'talk',
      refId: id,
    });
    const fulfilled = await fulfilDuties(w, {
      id,
      kind: input.kind,
      talker: input.talkerCadreId,
      talkee: input.talkeeCadreId,
      heldOn: input.heldOn,
    });
    w.record({
      action: 'talk.record',
      entity: 'talk',
      entityId: id,
      detail: { kind: input.kind, talkee: input.talkeeCadreId, fulfilled },
    });
    return { id, fulfilledDuties: fulfilled };
  });
}

/**
 * A talk fulfils each open duty of its talker towards its talkee whose period it falls in and whose kind it is (or any
 * kind, for the periodic talk). Returns the duty ids. Also used by the job for talks recorded before a duty existed.
 */
export async function fulfilDuties(
  w: WriteCtx,
  t: { id: number; kind: string; talker: number; talkee: number; heldOn: string },
): Promise<number[]> {
  const rows = await w.trx
    .updateTable('duties')
    .set({ done_talk_id: t.id, done_on: t.heldOn, done_count: 1 })
    .where('owner_cadre_id', '=', t.talker)
    .where('subject_cadre_id', '=', t.talkee)
    .where('done_talk_id', 'is', null)
    .where('waived_reason', 'is', null)
    .where('activity', '=', 'talk')
    .where('period_start', '<=', t.heldOn)
    .where(sql<boolean>`(talk_kind is null or talk_kind = ${t.kind})`)
    // A periodic duty is met only within its period; a triggered one (appointment) also by a late talk.
    .where(sql<boolean>`(rule_id <> 'M-23' or due_on >= ${t.heldOn})`)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Talks recorded before their duty existed count too: the earliest matching talk fulfils each open talk duty (all of
 * them, or the ids given). The same matching rule as fulfilDuties, from the duty's side.
 */
export async function settleTalkDuties(w: WriteCtx, dutyIds?: number[], within?: DataScope): Promise<number> {
  const only = dutyIds ? sql`and d.id = any(${dutyIds}::int[])` : sql``;
  const scoped = sql`and ${dutyWithin(within)}`;
  const res = await sql`with m as (
      select distinct on (d.id) d.id, t.id as talk_id, t.held_on from duties d
      join talks t on t.talker_cadre_id = d.owner_cadre_id and t.talkee_cadre_id = d.subject_cadre_id and t.held_on >= d.period_start
        and (d.talk_kind is null or t.kind = d.talk_kind) and (d.rule_id <> 'M-23' or t.held_on <= d.due_on)
      where d.activity = 'talk' and d.done_on is null and d.waived_reason is null ${only} ${scoped} order by d.id, t.held_on, t.id)
    update duties set done_talk_id = m.talk_id, done_on = m.held_on, done_count = 1 from m where duties.id = m.id`.execute(
    w.trx,
  );
  return Number(res.numAffectedRows ?? 0);
}

export interface TalkQuery {
  page: number;
  pageSize: number;
  cadreId?: number;
  kind?: TalkKind;
  from?: string;
  to?: string;
}

/** Talks whose talkee is in the caller's view, newest first. */
export async function listTalks(ctx: AppContext, auth: Auth, q: TalkQuery) {
  let base = ctx.db
    .selectFrom('talks as t')
    .innerJoin('cadres as e', 'e.id', 't.talkee_cadre_id')
    .innerJoin('cadres as r', 'r.id', 't.talker_cadre_id')
    .where(cadreVisible(auth.scope, 'e'));
  if (q.cadreId)
    base = base.where((eb) =>
      eb.or([eb('t.talkee_cadre_id', '=', q.cadreId!), eb('t.talker_cadre_id', '=', q.cadreId!)]),
    );
  if (q.kind) base = base.where('t.kind', '=', q.kind);
  if (q.from) base = base.where('t.held_on', '>=', q.from);
  if (q.to) base = base.where('t.held_on', '<=', q.to);
  const { limit, offset } = toLimitOffset(q);
  const [rows, n] = await Promise.all([
    base
      .select([
        't.id',
        't.kind',
        't.held_on',
        't.place',
        't.summary',
        't.follow_up',
        't.talker_cadre_id',
        'r.name as talker_name',
        't.talkee_cadre_id',
        'e.name as talkee_name',
      ])
      .orderBy('t.held_on', 'desc')
      .orderBy('t.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const files = await attachmentsOf(
    ctx,
    'talk',
    rows.map((r) => r.id),
  );
  return {
    total: Number(n.n),
    items: rows.map((t) => ({
      id: t.id,
      kind: t.kind,
      attachments: files(t.id),
      kindLabel: TALK_KINDS[t.kind as TalkKind]?.zh ?? t.kind,
      heldOn: t.held_on,
      place: t.place,
      summary: t.summary,
      followUp: t.follow_up,
      talker: { cadreId: t.talker_cadre_id, name: t.talker_name },
      talkee: { cadreId: t.talkee_cadre_id, name: t.talkee_name },
    })),
  };
}

/** M-27: counts by kind in a subtree and period, phrased as the seeds phrase them (“廉政谈话和履职谈话 N 人次”). */
export async function talkStats(ctx: AppContext, auth: Auth, q: { orgPath: string; from: string; to: string }) {
  const rows = await ctx.db
    .selectFrom('talks as t')
    .innerJoin('cadres as e', 'e.id', 't.talkee_cadre_id')
    .where(cadreVisible(auth.scope, 'e'))
    .where(sql<boolean>`e.org_id = any(array(select u.id from orgs u where u.path <@ ${q.orgPath}::ltree))`)
    .where('t.held_on', '>=', q.from)
    .where('t.held_on', '<=', q.to)
    .select(['t.kind', sql<string>`count(*)`.as('n')])
    .groupBy('t.kind')
    .execute();
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  const items = (Object.keys(TALK_KINDS) as TalkKind[]).map((k) => ({
    kind: k,
    label: TALK_KINDS[k].zh,
    n: byKind[k] ?? 0,
  }));
  const integrityAndPerformance = (byKind.integrity ?? 0) + (byKind.performance ?? 0);
  return {
    from: q.from,
    to: q.to,
    total: items.reduce((a, i) => a + i.n, 0),
    byKind: items,
    phrase: `廉政谈话和履职谈话${integrityAndPerformance}人次`,
    phrases: items.filter((i) => i.n > 0).map((i) => `${i.label}${i.n}人次`),
  };
}
