// Opinions, votes, candidates and recusals on an agenda item (issue 14 §2, M-32). Each present member who is not
// recused speaks once, in order; the principal (一把手) only after every other such member (末位表态, `002`).
// Appointment items are voted candidate by candidate, and the principal votes on each one last. A candidate who is a
// member, or a member whose relation to the candidate is inside the M-06 circle, is recused automatically; any
// member may declare a conflict of interest before speaking. Every refusal is a clear 4xx that writes nothing.
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { conflict, invalidField } from '../../platform/http/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';
import { withinAvoidance } from '../registry/index.js';
import { assertOpen, assertVoter, loadItem, voters, type ItemFacts } from './item-facts.js';
import type { candidateCreate, conflictDeclare, opinionGive, voteCast } from './opinions.schema.js';

const notAppointment = () =>
  conflict('NOT_APPOINTMENT', '只有干部任免议题逐人表决', 'Only an appointment item is voted candidate by candidate');

/** Members still to speak (or vote) before the principal may. */
function principalWaitsFor(f: ItemFacts, done: Set<number>): number {
  return voters(f).filter((m) => m.cadreId !== f.principal && !done.has(m.cadreId)).length;
}
const principalLast = (n: number) =>
  conflict(
    'PRINCIPAL_LAST',
    `主要负责人末位表态：还有 ${n} 名到会成员未表态`,
    `The principal speaks last: ${n} present member(s) have not yet given theirs`,
  );

export async function giveOpinion(ctx: AppContext, actor: Actor, itemId: number, input: z.infer<typeof opinionGive>) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const f = await loadItem(w.trx, itemId);
    assertOpen(f);
    assertVoter(f, input.cadreId);
    if (f.opinions.some((o) => o.cadreId === input.cadreId))
      throw conflict(
        'ALREADY_SPOKEN',
        '该成员已就本议题发表意见',
        'This member has already given an opinion on this item',
      );
    if (input.cadreId === f.principal) {
      const n = principalWaitsFor(f, new Set(f.opinions.map((o) => o.cadreId)));
      if (n) throw principalLast(n);
    }
    const seq = (f.opinions.at(-1)?.seq ?? 0) + 1;
    await w.trx
      .insertInto('item_opinions')
      .values({
        item_id: itemId,
        cadre_id: input.cadreId,
        seq,
        opinion: input.opinion,
        reason: input.reason ?? null,
        created_at: w.now,
      })
      .execute();
    w.record({
      action: 'meeting.opinion',
      entity: 'meeting',
      entityId: f.meetingId,
      detail: { item: itemId, cadreId: input.cadreId, opinion: input.opinion, seq },
    });
    return { seq };
  });
}

export async function castVote(ctx: AppContext, actor: Actor, itemId: number, input: z.infer<typeof voteCast>) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const f = await loadItem(w.trx, itemId);
    assertOpen(f);
    if (f.category !== 'appointment') throw notAppointment();
    const candidate = await w.trx
      .selectFrom('item_candidates')
      .select('id')
      .where('id', '=', input.candidateId)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    if (!candidate) throw invalidField('candidateId', '该人选不属于本议题', 'This candidate is not on this item');
    assertVoter(f, input.cadreId);
    const done = new Set(
      (
        await w.trx
          .selectFrom('candidate_votes')
          .select('cadre_id')
          .where('candidate_id', '=', input.candidateId)
          .execute()
      ).map((r) => r.cadre_id),
    );
    if (done.has(input.cadreId))
      throw conflict('ALREADY_VOTED', '该成员已对该人选表决', 'This member has already voted on this candidate');
    if (input.cadreId === f.principal) {
      const n = principalWaitsFor(f, done);
      if (n) throw principalLast(n);
    }
    await w.trx
      .insertInto('candidate_votes')
      .values({ candidate_id: input.candidateId, cadre_id: input.cadreId, vote: input.vote, created_at: w.now })
      .execute();
    w.record({
      action: 'meeting.vote',
      entity: 'meeting',
      entityId: f.meetingId,
      detail: { item: itemId, candidate: input.candidateId, cadreId: input.cadreId, vote: input.vote },
    });
    return { candidateId: input.candidateId };
  });
}

const begun = async (f: ItemFacts, trx: Parameters<typeof loadItem>[0], cadreId?: number) => {
  let q = trx
    .selectFrom('candidate_votes as v')
    .innerJoin('item_candidates as k', 'k.id', 'v.candidate_id')
    .select('v.cadre_id')
    .where('k.item_id', '=', f.id);
  if (cadreId) q = q.where('v.cadre_id', '=', cadreId);
  const votes = await q.limit(1).execute();
  return votes.length > 0 || f.opinions.some((o) => cadreId == null || o.cadreId === cadreId);
};

/** A candidate of an appointment item, before anyone speaks; recuses the members the M-06 circle reaches. */
export async function addCandidate(
  ctx: AppContext,
  actor: Actor,
  itemId: number,
  input: z.infer<typeof candidateCreate>,
) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const f = await loadItem(w.trx, itemId);
    assertOpen(f);
    if (f.category !== 'appointment') throw notAppointment();
    if (await begun(f, w.trx))
      throw conflict('DISCUSSION_BEGUN', '已开始发表意见或表决，不能再增加人选', 'Speaking or voting has begun');
    const named = input.cadreId
      ? await w.trx.selectFrom('cadres').select('name').where('id', '=', input.cadreId).executeTakeFirstOrThrow()
      : { name: input.name! };
    const last = await w.trx
      .selectFrom('item_candidates')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    const { id } = await w.trx
      .insertInto('item_candidates')
      .values({
        item_id: itemId,
        seq: Number(last?.seq ?? 0) + 1,
        cadre_id: input.cadreId ?? null,
        name: named.name,
        post: input.post,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const recused = input.cadreId ? await recuseCircle(ctx, w, f, input.cadreId, id) : [];
    w.record({
      action: 'meeting.candidate_add',
      entity: 'meeting',
      entityId: f.meetingId,
      detail: { item: itemId, candidate: id, cadreId: input.cadreId ?? null, recused },
    });
    return { id, recused };
  });
}

/** Members who are the candidate, or related to the candidate inside the M-06 circle, are recused (M-32, M-06). */
async function recuseCircle(ctx: AppContext, w: WriteCtx, f: ItemFacts, candidateCadreId: number, candidateId: number) {
  const members = f.members.map((m) => m.cadreId).filter((c) => !f.recused.has(c));
  const { values } = await getRuleSettings(w.trx, 'M-06', f.orgId);
  const relations = await w.trx
    .selectFrom('relations')
    .select(['cadre_id', 'kind', 'generation'])
    .where('relative_cadre_id', '=', candidateCadreId)
    .where('cadre_id', 'in', members.length ? members : [0])
    .execute();
  const rows = [
    ...members.filter((c) => c === candidateCadreId).map((c) => ({ cadre_id: c, reason: 'candidate' as const })),
    ...relations
      .filter((r) => withinAvoidance(r.kind, r.generation, values.collateralGenerations))
      .map((r) => ({ cadre_id: r.cadre_id, reason: 'relation' as const })),
  ];
  if (rows.length)
    await w.trx
      .insertInto('item_recusals')
      .values(rows.map((r) => ({ ...r, item_id: f.id, candidate_id: candidateId, note: null, created_at: w.now })))
      .execute();
  return rows.map((r) => r.cadre_id);
}

/** A member's declared conflict of interest: recused as the M-06 circle would, before they speak or vote. */
export async function declareConflict(
  ctx: AppContext,
  actor: Actor,
  itemId: number,
  input: z.infer<typeof conflictDeclare>,
) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const f = await loadItem(w.trx, itemId);
    assertOpen(f);
    if (!f.members.some((m) => m.cadreId === input.cadreId))
      throw invalidField('cadreId', '不是本次会议的应到会成员', 'Not a member who should attend this meeting');
    if (f.recused.has(input.cadreId))
      throw conflict('ALREADY_RECUSED', '该成员已回避本议题', 'This member is already recused from this item');
    if (await begun(f, w.trx, input.cadreId))
      throw conflict(
        'ALREADY_SPOKEN',
        '该成员已发表意见或表决，回避须在表态前申明',
        'This member has already spoken or voted; a conflict is declared before that',
      );
    await w.trx
      .insertInto('item_recusals')
      .values({
        item_id: itemId,
        cadre_id: input.cadreId,
        reason: 'declared',
        candidate_id: null,
        note: input.note,
        created_at: w.now,
      })
      .execute();
    w.record({
      action: 'meeting.conflict_declared',
      entity: 'meeting',
      entityId: f.meetingId,
      detail: { item: itemId, cadreId: input.cadreId },
    });
    return { cadreId: input.cadreId };
  });
}
