// Supervision records other than talks: M-23 research visits, party lectures and special checks; M-25 hearings of team
// members' and lower principals' reports (each person heard gets a verdict; a failing one opens a 约谈); M-26 the
// discipline secretary's reminders, upward reports of serious problems, and the record that one was not made. A record
// fulfils the open duties it answers in the same transaction (a duty needing two visits is done at the second).
// M-26 records are discipline work: only the discipline commission writes and reads them.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { can, type Auth } from '../../platform/auth/index.js';
import { assertNotAfterToday, AppError, invalidField, toLimitOffset } from '../../platform/http/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { cadreVisible, orgInScope, orgVisible, outOfScope, type DataScope } from '../../platform/scope/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import { currentPrincipal, superiorPrincipalOf } from '../registry/index.js';
import { openTalkDuty } from './occasions.service.js';
import { ACTIVITY_KINDS, COMMITTEE_KINDS, VERDICTS, type ActivityKind } from './talk-kinds.dicts.js';
import { attachmentsOf } from './record-attachments.service.js';
import { dutyWithin } from './obligations.service.js';

const isDiscipline = (k: ActivityKind) => ACTIVITY_KINDS[k].rule === 'M-26';

export interface NewActivity {
  kind: ActivityKind;
  orgId: number;
  actorCadreId?: number;
  targetOrgId?: number;
  heldOn: string;
  title: string;
  summary: string;
  followUp?: string;
  reportedTo?: string;
  subjects?: Array<{ cadreId: number; verdict?: keyof typeof VERDICTS; comment?: string }>;
}

/** Matches records to the open duties they answer, then marks done those that have enough (all records, or the ones given). */
export async function settleActivityDuties(w: WriteCtx, activityIds?: number[], within?: DataScope): Promise<number> {
  const only = activityIds ? sql`and a.id = any(${activityIds}::int[])` : sql``;
  const scoped = sql`and ${dutyWithin(within)}`;
  const touched = (
    await sql<{ duty_id: number }>`insert into duty_fulfilments (duty_id, activity_id, held_on)
    select d.id, a.id, a.held_on from duties d join supervision_activities a on a.kind = d.activity and a.held_on between d.period_start and d.due_on
      and case when d.by_committee then a.org_id = d.owner_org_id else a.actor_cadre_id = d.owner_cadre_id end
      and (d.subject_cadre_id is null or exists (select 1 from activity_subjects x where x.activity_id = a.id and x.cadre_id = d.subject_cadre_id))
    where d.activity <> 'talk' and d.done_on is null and d.waived_reason is null ${only} ${scoped}
    on conflict do nothing returning duty_id`.execute(w.trx)
  ).rows;
  if (!touched.length) return 0;
  const res =
    await sql`update duties d set done_count = f.n, done_on = case when f.n >= d.required then f.days[d.required] end
    from (select duty_id, count(*)::int as n, array_agg(held_on order by held_on, activity_id) as days from duty_fulfilments
      where duty_id = any(${[...new Set(touched.map((r) => r.duty_id))]}::int[]) group by duty_id) f
    where d.id = f.duty_id`.execute(w.trx);
  return Number(res.numAffectedRows ?? 0);
}

export async function recordActivity(ctx: AppContext, auth: Auth, actor: Actor, input: NewActivity) {
  const checked = await checkActivity(ctx, auth, actor, input);
  return write(ctx.db, ctx.clock, actor, async (w) => (await settleAndRecord(w, [await writeActivity(w, checked)]))[0]);
}

/**
 * Several records in one transaction (the demo's year of work): each checked as one, each with its own trail row,
 * the duties they fulfil settled once for all of them (one matching query instead of one per record: 0.8 s of the
 * demo's start). A duty two records of the batch both fulfil counts both.
 */
export async function recordActivities(ctx: AppContext, auth: Auth, actor: Actor, inputs: NewActivity[]) {
  const checked: CheckedActivity[] = [];
  for (const input of inputs) checked.push(await checkActivity(ctx, auth, actor, input));
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const written: Written[] = [];
    for (const c of checked) written.push(await writeActivity(w, c));
    return settleAndRecord(w, written);
  });
}

/** A record written, before its duties are settled and its trail row is made. */
interface Written {
  id: number;
  input: NewActivity;
  summonsDuties: number[];
}

/** Settles the duties the records fulfil (M-22, M-23), then trails each record with what it fulfilled. */
async function settleAndRecord(w: WriteCtx, written: Written[]) {
  const ids = written.map((x) => x.id);
  await settleActivityDuties(w, ids);
  const rows = ids.length
    ? await w.trx
        .selectFrom('duty_fulfilments as f')
        .innerJoin('duties as d', 'd.id', 'f.duty_id')
        .select(['f.activity_id', 'd.id', 'd.done_on'])
        .where('f.activity_id', 'in', ids)
        .orderBy('d.id')
        .execute()
    : [];
  return written.map(({ id, input, summonsDuties }) => {
    const fulfilled = rows.filter((r) => r.activity_id === id).map((d) => ({ dutyId: d.id, done: d.done_on != null }));
    w.record({
      action: 'activity.record',
      entity: 'activity',
      entityId: id,
      detail: {
        kind: input.kind,
        org: input.orgId,
        subjects: (input.subjects ?? []).map((s) => s.cadreId),
        fulfilled,
        summonsDuties,
      },
    });
    return { id, fulfilled, summonsDuties };
  });
}

/** What the checks before the transaction found and the write needs. */
interface CheckedActivity {
  input: NewActivity;
  accountId: number;
  actorRow: { id: number; name: string } | null | undefined;
  chair: number | null | undefined;
  summons: number;
}

async function checkActivity(ctx: AppContext, auth: Auth, actor: Actor, input: NewActivity): Promise<CheckedActivity> {
  const k = ACTIVITY_KINDS[input.kind];
  if (isDiscipline(input.kind) && !can(auth.role, 'clues.handle')) {
    throw new AppError(
      403,
      'DISCIPLINE_ONLY',
      '纪委书记提醒和报告记录由纪检监察机关登记',
      'Only the discipline commission records these',
    );
  }
  if (auth.role === 'committee_leader' && input.actorCadreId !== auth.scope.cadreId) {
    throw new AppError(
      403,
      'OWN_RECORDS_ONLY',
      '党委领导只能登记本人开展的工作',
      'A committee leader records only their own work',
    );
  }
  assertNotAfterToday(ctx.clock, 'heldOn', input.heldOn, ['日期', 'The date']);
  const subjects = input.subjects ?? [];
  if (k.subjects !== 'none' && !subjects.length)
    throw invalidField('subjects', '请选择涉及的干部', 'Name the cadres concerned');
  if (k.subjects === 'verdict' && subjects.some((s) => !s.verdict))
    throw invalidField('subjects', '请为每位汇报人填写评价', 'Give each person heard a verdict');
  if (k.subjects !== 'verdict' && subjects.some((s) => s.verdict))
    throw invalidField('subjects', '只有听取汇报才填写评价', 'Only a hearing takes verdicts');
  if (new Set(subjects.map((s) => s.cadreId)).size !== subjects.length)
    throw invalidField('subjects', '同一干部只能出现一次', 'A cadre appears once');
  if (input.kind === 'upward_report' && !input.reportedTo)
    throw invalidField('reportedTo', '请写明向谁报告（上级纪委、同级党委主要负责人）', 'Say to whom it was reported');
  // A committee as a body holds special checks and hears lower principals; everything else is someone's own work.
  const byCommittee = COMMITTEE_KINDS.includes(input.kind);
  if (!byCommittee && input.actorCadreId == null) throw invalidField('actorCadreId', '请选择开展人', 'Name who did it');
  await orgInScope(ctx, auth.scope, actor, input.orgId);
  if (input.targetOrgId) await orgInScope(ctx, auth.scope, actor, input.targetOrgId);
  const ids = subjects.map((s) => s.cadreId);
  const seen = ids.length
    ? await ctx.db
        .selectFrom('cadres')
        .select(['id', 'name'])
        .where('id', 'in', ids)
        .where(cadreVisible(auth.scope, 'cadres'))
        .execute()
    : [];
  const missing = ids.find((id) => !seen.some((c) => c.id === id));
  if (missing != null) throw await outOfScope(ctx, actor, 'cadre', missing);
  const actorRow =
    input.actorCadreId != null
      ? await ctx.db.selectFrom('cadres').select(['id', 'name']).where('id', '=', input.actorCadreId).executeTakeFirst()
      : null;
  if (input.actorCadreId != null && !actorRow) throw invalidField('actorCadreId', '开展人不存在', 'No such cadre');
  await checkWho(ctx, input, seen);
  const summons = (await getRuleSettings(ctx.db, 'M-25', input.orgId)).values.summonsDueDays;
  // Who holds the 约谈 a failing report calls for: the chair, or for the committee the principal.
  const chair = input.actorCadreId ?? (await currentPrincipal(ctx.db, input.orgId));
  return { input, accountId: auth.accountId, actorRow, chair, summons };
}

async function writeActivity(
  w: WriteCtx,
  { input, accountId, actorRow, chair, summons }: CheckedActivity,
): Promise<Written> {
  const k = ACTIVITY_KINDS[input.kind];
  const subjects = input.subjects ?? [];
  const { id } = await w.trx
    .insertInto('supervision_activities')
    .values({
      kind: input.kind,
      org_id: input.orgId,
      actor_cadre_id: input.actorCadreId ?? null,
      target_org_id: input.targetOrgId ?? null,
      held_on: input.heldOn,
      title: input.title,
      summary: input.summary,
      follow_up: input.followUp ?? null,
      reported_to: input.reportedTo ?? null,
      recorded_by: accountId,
      created_at: w.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (subjects.length) {
    await w.trx
      .insertInto('activity_subjects')
      .values(
        subjects.map((s) => ({
          activity_id: id,
          cadre_id: s.cadreId,
          verdict: s.verdict ?? null,
          comment: s.comment ?? null,
        })),
      )
      .execute();
  }
  const summonsDuties: number[] = [];
  for (const s of subjects) {
    // The dossier learns of a hearing's verdict and a secretary's reminder; an upward report stays with the commission.
    if (k.subjects === 'verdict') {
      await appendTimeline(w, {
        cadreId: s.cadreId,
        occurredOn: input.heldOn,
        eventType: 'talks.hearing',
        sourceModule: 'talks',
        summary: `${k.zh}：${VERDICTS[s.verdict!]}`,
        refEntity: 'activity',
        refId: id,
      });
    } else if (input.kind === 'secretary_reminder') {
      await appendTimeline(w, {
        cadreId: s.cadreId,
        occurredOn: input.heldOn,
        eventType: 'talks.secretary_reminder',
        sourceModule: 'talks',
        summary: `纪委书记谈话提醒${actorRow ? `（${actorRow.name}）` : ''}`,
        refEntity: 'activity',
        refId: id,
      });
    }
    // M-25: a failing report leads to a 约谈 by whoever chaired, within the set days.
    if (s.verdict === 'failing' && chair != null && chair !== s.cadreId && summons >= 1) {
      // The duty is about the person heard, in the unit they work in (the hearing's unit when they hold no post).
      const subjectOrgId = (await superiorPrincipalOf(w.trx, s.cadreId))?.orgId ?? input.orgId;
      const dutyId = await openTalkDuty(w, {
        ruleId: 'M-25',
        obligation: 'hearing_summons',
        title: '听取汇报发现责任落实不到位，及时约谈',
        kind: 'summons',
        dueDays: summons,
        ownerCadreId: chair,
        subjectCadreId: s.cadreId,
        subjectOrgId,
        occurredOn: input.heldOn,
        source: `activity:${id}`,
        note: s.comment ?? null,
      });
      if (dutyId) summonsDuties.push(dutyId);
    }
  }
  if (input.kind === 'non_report' && actorRow) {
    await appendTimeline(w, {
      cadreId: actorRow.id,
      occurredOn: input.heldOn,
      eventType: 'talks.non_report',
      sourceModule: 'talks',
      summary: '该报告未报告或不如实报告',
      refEntity: 'activity',
      refId: id,
    });
  }
  return { id, input, summonsDuties };
}

/**
 * Who may be heard or act, by kind: a member hearing hears members of the unit's team; a committee hears the principals
 * of the units directly under it; the M-26 records are a discipline secretary's (纪委书记 or 纪检监察组长).
 */
async function checkWho(ctx: AppContext, input: NewActivity, people: Array<{ id: number; name: string }>) {
  const ids = people.map((p) => p.id);
  const name = (id: number) => people.find((p) => p.id === id)?.name ?? String(id);
  if (input.kind === 'member_hearing' && ids.length) {
    const team = await ctx.db
      .selectFrom('team_members')
      .select('cadre_id')
      .where('org_id', '=', input.orgId)
      .where('left_on', 'is', null)
      .where('cadre_id', 'in', ids)
      .execute();
    const out = ids.find((id) => !team.some((m) => m.cadre_id === id));
    if (out != null)
      throw invalidField(
        'subjects',
        `${name(out)}不是本单位领导班子成员，不能作为班子成员汇报人`,
        "Only members of the unit's team report at this hearing",
      );
  }
  if (input.kind === 'lower_hearing' && ids.length) {
    const lower = await ctx.db
      .selectFrom('posts as p')
      .innerJoin('orgs as u', 'u.id', 'p.org_id')
      .select('p.cadre_id')
      .where('u.parent_id', '=', input.orgId)
      .where('p.is_principal', '=', true)
      .where('p.end_date', 'is', null)
      .where('p.cadre_id', 'in', ids)
      .execute();
    const out = ids.find((id) => !lower.some((m) => m.cadre_id === id));
    if (out != null)
      throw invalidField(
        'subjects',
        `${name(out)}不是下一级单位的主要负责人`,
        'Only principals of the units directly below report at this hearing',
      );
  }
  if (isDiscipline(input.kind) && input.actorCadreId != null) {
    const sec = await ctx.db
      .selectFrom('posts')
      .select('id')
      .where('cadre_id', '=', input.actorCadreId)
      .where('post_kind', '=', 'discipline_secretary')
      .where('end_date', 'is', null)
      .executeTakeFirst();
    if (!sec)
      throw invalidField(
        'actorCadreId',
        '开展人须为现任纪委书记（纪检监察组长）',
        "This record is a serving discipline secretary's",
      );
  }
}

export interface ActivityQuery {
  page: number;
  pageSize: number;
  kind?: ActivityKind;
  orgId?: number;
  from?: string;
  to?: string;
  actorCadreId?: number;
}

/** Records of units in scope, newest first; M-26 records only for the discipline commission. */
export async function listActivities(ctx: AppContext, auth: Auth, actor: Actor, q: ActivityQuery) {
  if (q.kind && isDiscipline(q.kind) && !can(auth.role, 'clues.read'))
    throw new AppError(403, 'DISCIPLINE_ONLY', '无权查看纪委书记提醒和报告记录', 'Discipline records only');
  let base = ctx.db
    .selectFrom('supervision_activities as a')
    .innerJoin('orgs as u', 'u.id', 'a.org_id')
    .leftJoin('cadres as c', 'c.id', 'a.actor_cadre_id')
    .leftJoin('orgs as t', 't.id', 'a.target_org_id')
    .where(orgVisible(auth.scope, 'u'));
  if (!can(auth.role, 'clues.read'))
    base = base.where(
      'a.kind',
      'not in',
      Object.keys(ACTIVITY_KINDS).filter((k) => isDiscipline(k as ActivityKind)),
    );
  if (q.kind) base = base.where('a.kind', '=', q.kind);
  if (q.orgId)
    base = base.where(sql<boolean>`u.path <@ ${(await orgInScope(ctx, auth.scope, actor, q.orgId)).path}::ltree`);
  if (q.actorCadreId) base = base.where('a.actor_cadre_id', '=', q.actorCadreId);
  if (q.from) base = base.where('a.held_on', '>=', q.from);
  if (q.to) base = base.where('a.held_on', '<=', q.to);
  const { limit, offset } = toLimitOffset(q);
  const [rows, n] = await Promise.all([
    base
      .select([
        'a.id',
        'a.kind',
        'a.held_on',
        'a.title',
        'a.summary',
        'a.follow_up',
        'a.reported_to',
        'a.org_id',
        'u.name as org_name',
        'a.actor_cadre_id',
        'c.name as actor_name',
        'a.target_org_id',
        't.name as target_name',
      ])
      .orderBy('a.held_on', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const subjects = rows.length
    ? await ctx.db
        .selectFrom('activity_subjects as s')
        .innerJoin('cadres as c', 'c.id', 's.cadre_id')
        .select(['s.activity_id', 's.cadre_id', 'c.name', 's.verdict', 's.comment'])
        .where(
          's.activity_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('s.activity_id')
        .orderBy('c.name')
        .execute()
    : [];
  const files = await attachmentsOf(
    ctx,
    'activity',
    rows.map((r) => r.id),
  );
  return {
    total: Number(n.n),
    items: rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      attachments: files(a.id),
      kindLabel: ACTIVITY_KINDS[a.kind as ActivityKind]?.zh ?? a.kind,
      heldOn: a.held_on,
      title: a.title,
      summary: a.summary,
      followUp: a.follow_up,
      reportedTo: a.reported_to,
      org: { id: a.org_id, name: a.org_name },
      actor: a.actor_cadre_id ? { cadreId: a.actor_cadre_id, name: a.actor_name } : null,
      target: a.target_org_id ? { id: a.target_org_id, name: a.target_name } : null,
      subjects: subjects
        .filter((s) => s.activity_id === a.id)
        .map((s) => ({
          cadreId: s.cadre_id,
          name: s.name,
          verdict: s.verdict,
          verdictLabel: s.verdict ? VERDICTS[s.verdict as keyof typeof VERDICTS] : null,
          comment: s.comment,
        })),
    })),
  };
}
