// M-02 posts held and M-03 leadership teams with portfolios. Ending a post or leaving a team sets an end date;
// nothing is deleted. Each step writes the cadre's dossier timeline (M-08) in the same transaction.
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { badRequest, conflict } from '../../platform/http/index.js';
import { outOfScope, orgVisible, cadreVisible } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { assertDictCodes } from './dict-check.service.js';
import { assertNotBeforeBirth, assertNotTooLate } from './registry.dates.js';
import { dictLabel } from './registry.dicts.js';
import { visibleCadre } from './cadre.service.js';
import { visibleOrg } from './org.service.js';
import { thenRefresh } from './flags.service.js';
import type { portfolioSet, postCreate, postEnd, teamMemberCreate, teamMemberLeave } from './registry.schema.js';

/** The dossier line for an appointment, the same whether entered by hand or imported. */
export const appointedSummary = (orgName: string, title: string, rank: string, isPrincipal: boolean) =>
  `任${orgName}${title}（${dictLabel('rank', rank)}${isPrincipal ? '，一把手' : ''}）`;

export async function addPost(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  cadreId: number,
  input: z.infer<typeof postCreate>,
) {
  const cadre = await visibleCadre(ctx, auth, actor, cadreId);
  const org = await visibleOrg(ctx, auth, actor, input.orgId);
  await assertDictCodes(ctx.db, [
    ['post_kind', input.postKind, 'postKind'],
    ['rank', input.rank, 'rank'],
  ]);
  assertNotBeforeBirth('startDate', input.startDate, cadre.birth_date);
  assertNotTooLate(ctx, 'startDate', input.startDate);
  assertNotTooLate(ctx, 'endDate', input.endDate);
  return thenRefresh(
    ctx,
    actor,
    [cadreId],
    write(ctx.db, ctx.clock, actor, async (w) => {
      const { id } = await w.trx
        .insertInto('posts')
        .values({
          cadre_id: cadreId,
          org_id: org.id,
          title: input.title,
          post_kind: input.postKind,
          rank: input.rank,
          is_principal: input.isPrincipal,
          start_date: input.startDate,
          end_date: input.endDate ?? null,
          appoint_doc: input.appointDoc ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendTimeline(w, {
        cadreId,
        occurredOn: input.startDate,
        eventType: 'registry.appointed',
        sourceModule: 'registry',
        summary: appointedSummary(org.name, input.title, input.rank, input.isPrincipal),
        refEntity: 'post',
        refId: id,
      });
      w.record({ action: 'post.create', entity: 'post', entityId: id, detail: { cadreId, ...input } });
      // Deadlines this appointment opens (the M-22 talk of a new lower principal) open now, in this transaction.
      await ctx.deadlines.fire(w, 'posts.started', { postIds: [id] });
      return { id };
    }),
  );
}

export async function endPost(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  postId: number,
  input: z.infer<typeof postEnd>,
) {
  const post = await ctx.db
    .selectFrom('posts as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('orgs as po', 'po.id', 'p.org_id')
    .select(['p.id', 'p.cadre_id', 'p.title', 'p.start_date', 'p.end_date', 'po.name as org_name'])
    .where('p.id', '=', postId)
    .where(cadreVisible(auth.scope, 'c'))
    .executeTakeFirst();
  if (!post) throw await outOfScope(ctx, actor, 'post', postId);
  const postEnded = () => conflict('POST_ENDED', '该职务已结束', 'This post has already ended');
  if (post.end_date) throw postEnded();
  if (input.endDate < post.start_date) {
    throw badRequest(
      'VALIDATION',
      '输入有误：离任日期不能早于任职日期',
      'Invalid input: the end date cannot be before the start date',
    );
  }
  assertNotTooLate(ctx, 'endDate', input.endDate);
  return thenRefresh(
    ctx,
    actor,
    [post.cadre_id],
    write(ctx.db, ctx.clock, actor, async (w) => {
      // The open-post condition is checked by the update itself, so two parallel requests cannot both end it.
      const ended = await w.trx
        .updateTable('posts')
        .set({ end_date: input.endDate, end_reason: input.reason })
        .where('id', '=', postId)
        .where('end_date', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!ended) throw postEnded();
      await appendTimeline(w, {
        cadreId: post.cadre_id,
        occurredOn: input.endDate,
        eventType: 'registry.post_ended',
        sourceModule: 'registry',
        summary: `免去${post.org_name}${post.title}：${input.reason}`,
        refEntity: 'post',
        refId: postId,
      });
      w.record({ action: 'post.end', entity: 'post', entityId: postId, detail: { ...input } });
      return { id: postId };
    }),
  );
}

export async function orgTeam(ctx: AppContext, auth: Auth, actor: Actor, orgId: number, includePast: boolean) {
  await visibleOrg(ctx, auth, actor, orgId);
  let q = ctx.db
    .selectFrom('team_members as t')
    .innerJoin('cadres as c', 'c.id', 't.cadre_id')
    .select(['t.id', 't.cadre_id', 'c.name', 't.team_role', 't.sort', 't.joined_on', 't.left_on'])
    .where('t.org_id', '=', orgId)
    .where(cadreVisible(auth.scope, 'c'));
  if (!includePast) q = q.where('t.left_on', 'is', null);
  const members = await q.orderBy('t.sort').orderBy('t.id').execute();
  const areas = members.length
    ? await ctx.db
        .selectFrom('portfolios')
        .selectAll()
        .where(
          'team_member_id',
          'in',
          members.map((m) => m.id),
        )
        .where('end_date', 'is', null)
        .execute()
    : [];
  return members.map((m) => ({
    id: m.id,
    cadreId: m.cadre_id,
    name: m.name,
    teamRole: m.team_role,
    sort: m.sort,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    portfolios: areas
      .filter((a) => a.team_member_id === m.id)
      .map((a) => ({ area: a.area, areaLabel: dictLabel('portfolio_area', a.area), startDate: a.start_date })),
  }));
}

export async function addTeamMember(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  orgId: number,
  input: z.infer<typeof teamMemberCreate>,
) {
  const org = await visibleOrg(ctx, auth, actor, orgId);
  const cadre = await visibleCadre(ctx, auth, actor, input.cadreId);
  assertNotBeforeBirth('joinedOn', input.joinedOn, cadre.birth_date);
  assertNotTooLate(ctx, 'joinedOn', input.joinedOn);
  await assertDictCodes(ctx.db, [
    ['team_role', input.teamRole, 'teamRole'],
    ...input.portfolios.map((a, i) => ['portfolio_area', a, `portfolios.${i}`] as ['portfolio_area', string, string]),
  ]);
  const already = await ctx.db
    .selectFrom('team_members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('cadre_id', '=', input.cadreId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  if (already) throw conflict('ALREADY_MEMBER', '该干部已是本班子成员', 'The cadre is already a member of this team');
  return thenRefresh(
    ctx,
    actor,
    [input.cadreId],
    write(ctx.db, ctx.clock, actor, async (w) => {
      const { id } = await w.trx
        .insertInto('team_members')
        .values({
          org_id: orgId,
          cadre_id: input.cadreId,
          team_role: input.teamRole,
          sort: input.sort ?? 0,
          joined_on: input.joinedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const areas = [...new Set(input.portfolios)];
      if (areas.length) {
        await w.trx
          .insertInto('portfolios')
          .values(areas.map((area) => ({ team_member_id: id, area, start_date: input.joinedOn })))
          .execute();
      }
      await appendTimeline(w, {
        cadreId: input.cadreId,
        occurredOn: input.joinedOn,
        eventType: 'registry.team_joined',
        sourceModule: 'registry',
        summary: `进入${org.name}领导班子（${dictLabel('team_role', input.teamRole)}）${areas.length ? `，分管${areas.map((a) => dictLabel('portfolio_area', a)).join('、')}` : ''}`,
        refEntity: 'team_member',
        refId: id,
      });
      w.record({ action: 'team.join', entity: 'team_member', entityId: id, detail: { orgId, ...input } });
      return { id };
    }),
  );
}

async function visibleMember(ctx: AppContext, auth: Auth, actor: Actor, memberId: number) {
  // Both the unit and the member's own record must be in scope: a seat is part of the cadre's dossier.
  const m = await ctx.db
    .selectFrom('team_members as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .innerJoin('cadres as c', 'c.id', 't.cadre_id')
    .select(['t.id', 't.org_id', 't.cadre_id', 't.joined_on', 't.left_on', 'o.name as org_name'])
    .where('t.id', '=', memberId)
    .where(orgVisible(auth.scope, 'o'))
    .where(cadreVisible(auth.scope, 'c'))
    .executeTakeFirst();
  if (!m) throw await outOfScope(ctx, actor, 'team_member', memberId);
  return m;
}

export async function leaveTeam(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  memberId: number,
  input: z.infer<typeof teamMemberLeave>,
) {
  const m = await visibleMember(ctx, auth, actor, memberId);
  const alreadyLeft = () => conflict('ALREADY_LEFT', '该成员已离开班子', 'The member has already left the team');
  if (m.left_on) throw alreadyLeft();
  if (input.leftOn < m.joined_on)
    throw badRequest(
      'VALIDATION',
      '输入有误：离开日期早于进入班子日期',
      'Invalid input: the leaving date is before the joining date',
    );
  assertNotTooLate(ctx, 'leftOn', input.leftOn);
  return thenRefresh(
    ctx,
    actor,
    [m.cadre_id],
    write(ctx.db, ctx.clock, actor, async (w) => {
      const left = await w.trx
        .updateTable('team_members')
        .set({ left_on: input.leftOn })
        .where('id', '=', memberId)
        .where('left_on', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!left) throw alreadyLeft();
      await w.trx
        .updateTable('portfolios')
        .set({ end_date: input.leftOn })
        .where('team_member_id', '=', memberId)
        .where('end_date', 'is', null)
        .execute();
      await appendTimeline(w, {
        cadreId: m.cadre_id,
        occurredOn: input.leftOn,
        eventType: 'registry.team_left',
        sourceModule: 'registry',
        summary: `离开${m.org_name}领导班子`,
        refEntity: 'team_member',
        refId: memberId,
      });
      w.record({ action: 'team.leave', entity: 'team_member', entityId: memberId, detail: { ...input } });
      return { id: memberId };
    }),
  );
}

/** Replace a member's portfolio: areas no longer held end on effectiveOn, new ones start then (history kept). */
export async function setPortfolios(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  memberId: number,
  input: z.infer<typeof portfolioSet>,
) {
  const m = await visibleMember(ctx, auth, actor, memberId);
  if (m.left_on) throw conflict('ALREADY_LEFT', '该成员已离开班子', 'The member has already left the team');
  if (input.effectiveOn < m.joined_on)
    throw badRequest(
      'VALIDATION',
      '输入有误：生效日期早于进入班子日期',
      'Invalid input: the effective date is before the joining date',
    );
  assertNotTooLate(ctx, 'effectiveOn', input.effectiveOn);
  await assertDictCodes(
    ctx.db,
    input.areas.map((a, i) => ['portfolio_area', a, `areas.${i}`] as ['portfolio_area', string, string]),
  );
  const current = await ctx.db
    .selectFrom('portfolios')
    .select(['id', 'area', 'start_date'])
    .where('team_member_id', '=', memberId)
    .where('end_date', 'is', null)
    .execute();
  const wanted = new Set(input.areas);
  const ending = current.filter((c) => !wanted.has(c.area));
  const adding = [...wanted].filter((a) => !current.some((c) => c.area === a));
  if (ending.some((e) => e.start_date > input.effectiveOn))
    throw badRequest(
      'VALIDATION',
      '输入有误：生效日期早于现有分管的开始日期',
      'Invalid input: the effective date is before a current portfolio started',
    );
  if (!ending.length && !adding.length) throw badRequest('EMPTY', '分管没有变化', 'The portfolio is unchanged');
  return thenRefresh(
    ctx,
    actor,
    [m.cadre_id],
    write(ctx.db, ctx.clock, actor, async (w) => {
      if (ending.length)
        await w.trx
          .updateTable('portfolios')
          .set({ end_date: input.effectiveOn })
          .where(
            'id',
            'in',
            ending.map((e) => e.id),
          )
          .execute();
      if (adding.length)
        await w.trx
          .insertInto('portfolios')
          .values(adding.map((area) => ({ team_member_id: memberId, area, start_date: input.effectiveOn })))
          .execute();
      const label = (list: string[]) => list.map((a) => dictLabel('portfolio_area', a)).join('、');
      await appendTimeline(w, {
        cadreId: m.cadre_id,
        occurredOn: input.effectiveOn,
        eventType: 'registry.portfolio_changed',
        sourceModule: 'registry',
        summary: `${m.org_name}分管调整：${adding.length ? `新增${label(adding)}` : ''}${adding.length && ending.length ? '；' : ''}${ending.length ? `不再分管${label(ending.map((e) => e.area))}` : ''}`,
        refEntity: 'team_member',
        refId: memberId,
      });
      w.record({
        action: 'team.portfolio',
        entity: 'team_member',
        entityId: memberId,
        detail: { added: adding, ended: ending.map((e) => e.area), effectiveOn: input.effectiveOn },
      });
      return { id: memberId, added: adding, ended: ending.map((e) => e.area) };
    }),
  );
}
