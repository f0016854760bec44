// M-21 talks an occasion calls for (八个必谈, `003` 篇3; and `003` 篇8): recording the occasion opens a due talk — of the
// kind and within the days that setting M-21 gives for that event in the cadre's unit — owed by the cadre's superior
// principal (the principal one level up for a principal, the unit's own principal for anyone else) unless a talker is
// named. Promotions and transfers are found by the daily job in the post history; a substantiated clue opens the
// 群众有举报 talk only when the commission concludes it (firing at intake would tell the accused's superior of a report
// before anything is decided). M-25: a hearing that finds a failure opens a 约谈 the same way.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { defaultCalendar, type WorkCalendar } from '../../platform/clock/index.js';
import { dueOn } from '../../platform/deadlines/index.js';
import { assertNotAfterToday, AppError, conflict, invalidField } from '../../platform/http/index.js';
import { getRuleSettings, OCCASIONS, OCCASION_EVENTS, type OccasionEvent } from '../../platform/rules/index.js';
import { cadreVisible, outOfScope, type DataScope } from '../../platform/scope/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import { answeringUnit, principals, superiorPrincipalOf, type SuperiorPrincipal } from '../registry/index.js';
import { unitSetting, unitWithin } from './obligations.service.js';
import { settleTalkDuties } from './talk.service.js';
import { TALK_KINDS, type TalkKind } from './talk-kinds.dicts.js';
import { DUTIES } from './duties.deadlines.js';

export interface TalkDutyInput {
  ruleId: 'M-21' | 'M-25';
  obligation: string;
  title: string;
  kind: TalkKind;
  dueDays: number;
  ownerCadreId: number;
  subjectCadreId: number;
  subjectOrgId: number;
  occurredOn: string;
  source: string;
  note?: string | null;
}

/** Opens one triggered talk duty (idempotent by source) and closes it at once if the talk was already held. */
export async function openTalkDuty(w: WriteCtx, d: TalkDutyInput): Promise<number | null> {
  const [id] = await DUTIES.open(w, [
    {
      rule_id: d.ruleId,
      obligation: d.obligation,
      activity: 'talk',
      title: d.title,
      talk_kind: d.kind,
      owner_cadre_id: d.ownerCadreId,
      subject_cadre_id: d.subjectCadreId,
      subject_org_id: d.subjectOrgId,
      period_start: d.occurredOn,
      // Calendar days (M-21's setting): the holiday data plays no part, so the bundled calendar answers alike.
      due_on: dueOn(defaultCalendar(), d.occurredOn, { days: d.dueDays, unit: 'calendar' }),
      source: d.source,
      occasion_note: d.note ?? null,
      created_at: w.now,
    },
  ]);
  if (id != null) await settleTalkDuties(w, [id]);
  return id ?? null;
}

export interface OccasionInput {
  event: OccasionEvent;
  cadreId: number;
  occurredOn: string;
  note?: string;
  talkerCadreId?: number;
}

/** An occasion from an event elsewhere (a concluded clue): opens the talk when the setting asks for one and a superior exists. */
export async function openOccasionTalk(
  w: WriteCtx,
  input: OccasionInput & { source: string },
  known?: SuperiorPrincipal | null,
): Promise<number | null> {
  const sup = known !== undefined ? known : await superiorPrincipalOf(w.trx, input.cadreId);
  const owner = input.talkerCadreId ?? sup?.cadreId;
  if (!sup || owner == null) return null;
  const s = (await getRuleSettings(w.trx, 'M-21', sup.orgId)).values as Record<string, number | string>;
  const days = Number(s[`${input.event}DueDays`]);
  if (!(days >= 1)) return null;
  return openTalkDuty(w, {
    ruleId: 'M-21',
    obligation: input.event,
    title: OCCASIONS[input.event][0],
    kind: s[`${input.event}Kind`] as TalkKind,
    dueDays: days,
    ownerCadreId: owner,
    subjectCadreId: input.cadreId,
    subjectOrgId: sup.orgId,
    occurredOn: input.occurredOn,
    source: input.source,
    note: input.note,
  });
}

/** Staff record an occasion by hand (an award, an urgent task, a disunited team…): the due talk opens at once. */
export async function recordOccasion(ctx: AppContext, auth: Auth, actor: Actor, input: OccasionInput) {
  const today = assertNotAfterToday(ctx.clock, 'occurredOn', input.occurredOn, ['事由发生日期', 'The occasion']);
  const cadre = await ctx.db
    .selectFrom('cadres')
    .select(['id', 'org_id'])
    .where('id', '=', input.cadreId)
    .where(cadreVisible(auth.scope, 'cadres'))
    .executeTakeFirst();
  if (!cadre) throw await outOfScope(ctx, actor, 'cadre', input.cadreId);
  const within = (await getRuleSettings(ctx.db, 'M-21', cadre.org_id)).values.occasionLookbackDays;
  const earliest = ctx.calendar.addCalendarDays(today, -within);
  if (input.occurredOn < earliest) {
    throw invalidField(
      'occurredOn',
      `只能登记 ${within} 日内（${earliest} 以后）发生的事由`,
      `Only occasions of the last ${within} days (from ${earliest}) can be recorded`,
    );
  }
  if (input.talkerCadreId != null) {
    if (input.talkerCadreId === input.cadreId)
      throw invalidField('talkerCadreId', '谈话人与谈话对象不能是同一人', 'The two sides of a talk must differ');
    const talker = await ctx.db
      .selectFrom('cadres')
      .select('id')
      .where('id', '=', input.talkerCadreId)
      .executeTakeFirst();
    if (!talker) throw invalidField('talkerCadreId', '谈话人不存在', 'No such cadre');
  }
  if (auth.role === 'committee_leader' && (input.talkerCadreId ?? auth.scope.cadreId) !== auth.scope.cadreId) {
    throw new AppError(
      403,
      'OWN_TALKS_ONLY',
      '党委领导只能为本人开启必谈事项',
      'A committee leader opens talks only for themselves',
    );
  }
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const talker = input.talkerCadreId ?? (auth.role === 'committee_leader' ? auth.scope.cadreId! : undefined);
    // Every recorded occasion is its own (the same event twice is two talks); the source only keeps the job's rerun safe.
    const source = `occasion:${randomUUID()}`;
    const sup = await superiorPrincipalOf(w.trx, input.cadreId);
    if (!sup)
      throw conflict(
        'NO_POST',
        '该干部没有现任职务，无法确定谈话人，请指定谈话人',
        'The cadre holds no post; name the talker',
      );
    if ((talker ?? sup.cadreId) == null)
      throw conflict(
        'NO_SUPERIOR',
        '未找到应谈话的上级主要负责人，请指定谈话人',
        'No superior principal found; name the talker',
      );
    const id = await openOccasionTalk(w, { ...input, talkerCadreId: talker, source }, sup);
    if (id == null)
      throw conflict(
        'OCCASION_OFF',
        '本单位的规则设置未对该事由开启必谈（期限为 0）',
        'Setting M-21 opens no talk for this occasion here',
      );
    w.record({
      action: 'occasion.record',
      entity: 'duty',
      entityId: id,
      detail: { event: input.event, cadre: input.cadreId },
    });
    const d = await w.trx
      .selectFrom('duties as d')
      .innerJoin('cadres as o', 'o.id', 'd.owner_cadre_id')
      .innerJoin('cadres as s', 's.id', 'd.subject_cadre_id')
      .select([
        'd.due_on',
        'd.talk_kind',
        'd.owner_cadre_id',
        'o.name as owner_name',
        's.name as subject_name',
        'd.done_on',
      ])
      .where('d.id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      dutyId: id,
      dueOn: d.due_on,
      talkKind: d.talk_kind,
      talkKindLabel: TALK_KINDS[d.talk_kind as TalkKind]?.zh ?? d.talk_kind,
      ownerCadreId: d.owner_cadre_id,
      ownerName: d.owner_name,
      subjectName: d.subject_name,
      done: d.done_on != null,
    };
  });
}

/** Which posts: those starting in a range (the job), or the posts of the event `posts.started`. */
export type PostFilter = { range: { from: string; to: string }; within?: DataScope } | { postIds: number[] };

/** Promotions (a higher rank than the post before) and transfers (same rank, another unit). Returns the duties opened. */
export async function openPostOccasions(calendar: WorkCalendar, w: WriteCtx, f: PostFilter): Promise<number[]> {
  const opened: number[] = [];
  const posts =
    'postIds' in f
      ? sql`p.id = any(${f.postIds}::int[])`
      : sql`p.start_date between ${f.range.from}::date and ${f.range.to}::date and ${unitWithin(f.within, 'c')}`;
  for (const event of ['promotion', 'transfer'] as const) {
    const days = unitSetting<number>('M-21', `${event}DueDays`);
    const kind = unitSetting<string>('M-21', `${event}Kind`);
    const order = (a: string) =>
      sql`(select (di.extra ->> 'order')::int from dict_items di where di.dict = 'rank' and di.code = ${sql.ref(`${a}.rank`)})`;
    const which =
      event === 'promotion'
        ? sql`${order('p')} > ${order('prev')}`
        : sql`${order('p')} = ${order('prev')} and prev.org_id <> p.org_id`;
    // The new post's superior principal by the registry's rule (a new principal post is M-22's appointment talk instead).
    const found = await sql<{
      kind: string;
      owner: number;
      subject: number;
      org: number;
      start: string;
      post: number;
      days: number;
    }>`
      select ${kind} as kind, sp.cadre_id as owner, p.cadre_id as subject, c.id as org, p.start_date::text as start,
        p.id as post, ${days} as days
      from posts p join orgs c on c.id = p.org_id
      join lateral (select pp.rank, pp.org_id from posts pp where pp.cadre_id = p.cadre_id and pp.id <> p.id and pp.start_date < p.start_date
        order by pp.start_date desc, pp.id desc limit 1) prev on true
      join ${principals} sp on sp.org_id = ${answeringUnit('p', 'c')}
      where ${posts} and not p.is_principal and sp.cadre_id <> p.cadre_id and ${which} and ${days} >= 1`.execute(w.trx);
    const ids = await DUTIES.open(
      w,
      found.rows.map((r) => ({
        rule_id: 'M-21',
        obligation: event,
        activity: 'talk',
        title: OCCASIONS[event][0],
        talk_kind: r.kind,
        owner_cadre_id: r.owner,
        subject_cadre_id: r.subject,
        subject_org_id: r.org,
        period_start: r.start,
        due_on: dueOn(calendar, r.start, { days: Number(r.days), unit: 'calendar' }),
        source: `post:${r.post}`,
        created_at: w.now,
      })),
    );
    opened.push(...ids);
  }
  return opened;
}

export const occasionDicts = () =>
  OCCASION_EVENTS.map((e) => ({
    event: e,
    zh: OCCASIONS[e][0],
    en: OCCASIONS[e][1],
    defaultKind: OCCASIONS[e][2],
    defaultKindLabel: TALK_KINDS[OCCASIONS[e][2]].zh,
    defaultDueDays: OCCASIONS[e][3],
  }));
