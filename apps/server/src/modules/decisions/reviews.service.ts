// Result reviews (issue 14 §6, M-36, `004` 结果查究): once a project or a use of funds that a meeting decided is
// completed, its outcome is reviewed — losses, the contractor's excess profit, savings, quality — by the reviewing
// department or a third party. The review is a deadline on the platform's engine: opened when the completion is
// recorded, due reviewWithinDays calendar days later, met by the review. A negative review is linked to the decision,
// its proposer and the members who agreed (reviews.findings.ts opens the finding on the proposer).
import type { z } from 'zod';
import { sql, type SqlBool } from 'kysely';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { deadlineTable, dueOn } from '../../platform/deadlines/index.js';
import { assertNotAfterToday, conflict, invalidField, notFound, toLimitOffset } from '../../platform/http/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { orgVisible } from '../../platform/scope/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { ITEM_CATEGORIES } from './meeting.dicts.js';
import { agreeingMembers, refreshReviewFindings } from './reviews.findings.js';
import type { itemCompletion, reviewEntry, reviewListQuery } from './reviews.schema.js';

export const REVIEWS = deadlineTable({
  table: 'result_reviews',
  entity: 'result_review',
  action: 'review',
  met: 'done_on',
  closed: ['REVIEW_CLOSED', '该项结果查究已完成或已免除', 'This result review is already done or waived'],
});

/** Records that the project an item decided is completed, which opens its result review. */
export async function recordCompletion(
  ctx: AppContext,
  actor: Actor,
  auth: Auth,
  itemId: number,
  input: z.infer<typeof itemCompletion>,
) {
  assertNotAfterToday(ctx.clock, 'completedOn', input.completedOn, ['完成日期', 'The completion']);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const item = await w.trx
      .selectFrom('meeting_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select(['i.status', 'i.category', 'm.org_id', 'm.held_on'])
      .where('i.id', '=', itemId)
      .executeTakeFirst();
    if (!item) throw notFound();
    const { values } = await getRuleSettings(w.trx, 'M-36', item.org_id);
    if (item.status !== 'decided' || !(values.reviewCategories as string[]).includes(item.category))
      throw conflict(
        'NO_RESULT_REVIEW',
        '只有已作出决定的项目、资金类议题需要结果查究',
        'Only decided items about projects or funds get a result review',
      );
    if (input.completedOn < item.held_on)
      throw invalidField('completedOn', '完成日期不能早于会议日期', 'The completion cannot precede the meeting');
    const due = dueOn(ctx.calendar, input.completedOn, { days: values.reviewWithinDays, unit: 'calendar' });
    const [id] = await REVIEWS.open(w, [
      {
        item_id: itemId,
        org_id: item.org_id,
        completed_on: input.completedOn,
        due_on: due,
        opened_by: auth.accountId,
        created_at: w.now,
      },
    ]);
    if (!id) throw conflict('REVIEW_EXISTS', '该议题已登记完成', 'The completion of this item is already recorded');
    w.record({
      action: 'review.open',
      entity: 'result_review',
      entityId: id,
      detail: { itemId, completedOn: input.completedOn, dueOn: due },
    });
    return { id, dueOn: due };
  });
}

/** Enters the review; final once entered. A negative one is a finding on the decision's proposer. */
export async function enterReview(
  ctx: AppContext,
  actor: Actor,
  auth: Auth,
  id: number,
  input: z.infer<typeof reviewEntry>,
) {
  assertNotAfterToday(ctx.clock, 'reviewedOn', input.reviewedOn, ['查究日期', 'The review']);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const r = await w.trx
      .selectFrom('result_reviews as v')
      .innerJoin('meeting_items as i', 'i.id', 'v.item_id')
      .select(['v.completed_on', 'i.proposer_cadre_id', 'i.title'])
      .where('v.id', '=', id)
      .executeTakeFirst();
    if (!r) throw notFound();
    if (input.reviewedOn < r.completed_on)
      throw invalidField('reviewedOn', '查究日期不能早于完成日期', 'The review cannot precede the completion');
    const done = await w.trx
      .updateTable('result_reviews')
      .set({
        done_on: input.reviewedOn,
        reviewer_kind: input.reviewerKind,
        reviewer: input.reviewer,
        outcome: input.outcome,
        losses_yuan: input.lossesYuan,
        excess_profit_yuan: input.excessProfitYuan,
        savings_yuan: input.savingsYuan,
        quality: input.quality,
        summary: input.summary,
        reviewed_by: auth.accountId,
      })
      .where('id', '=', id)
      .where(REVIEWS.isOpen(''))
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict(...REVIEWS.closed);
    w.record({
      action: 'review.enter',
      entity: 'result_review',
      entityId: id,
      detail: { outcome: input.outcome, reviewedOn: input.reviewedOn, reviewerKind: input.reviewerKind },
    });
    await appendTimeline(w, {
      cadreId: r.proposer_cadre_id,
      occurredOn: input.reviewedOn,
      eventType: 'decisions.reviewed',
      sourceModule: 'decisions',
      summary: `所提议题「${r.title}」结果查究：${input.outcome === 'negative' ? '负面，追究提议人责任' : '正面'}`,
      refEntity: 'result_review',
      refId: id,
    });
    await refreshReviewFindings(w, [r.proposer_cadre_id]);
    return { id, outcome: input.outcome };
  });
}

export async function listReviews(ctx: AppContext, auth: Auth, query: z.infer<typeof reviewListQuery>) {
  const today = toCstDate(ctx.clock.now());
  const status = REVIEWS.status(today, 'v');
  let q = ctx.db
    .selectFrom('result_reviews as v')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .innerJoin('meeting_items as i', 'i.id', 'v.item_id')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('cadres as c', 'c.id', 'i.proposer_cadre_id')
    .where(orgVisible(auth.scope, 'o'));
  if (query.orgId) q = q.where(sql<SqlBool>`o.path <@ (select path from orgs where id = ${query.orgId})`);
  if (query.status) q = q.where(sql<SqlBool>`${status} = ${query.status}`);
  const { limit, offset } = toLimitOffset(query);
  const [rows, total] = await Promise.all([
    q
      .selectAll('v')
      .select(['o.name as org_name', 'm.id as meeting_id', 'm.held_on', 'i.title', 'i.category'])
      .select(['i.proposer_cadre_id', 'i.proposer_deemed', 'c.name as proposer_name', status.as('status')])
      .orderBy(sql`v.done_on is not null`)
      .orderBy('v.due_on')
      .orderBy('v.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const agreed = rows.length
    ? await agreeingMembers(
        ctx.db,
        rows.map((r) => r.item_id),
      )
    : new Map();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      meetingId: r.meeting_id,
      heldOn: r.held_on,
      itemId: r.item_id,
      itemTitle: r.title,
      category: r.category,
      categoryLabel: [...ITEM_CATEGORIES[r.category]] as [string, string],
      proposer: { cadreId: r.proposer_cadre_id, name: r.proposer_name, deemed: r.proposer_deemed },
      agreed: agreed.get(r.item_id) ?? [],
      completedOn: r.completed_on,
      dueOn: r.due_on,
      status: r.status,
      review:
        r.done_on && r.outcome
          ? {
              reviewedOn: r.done_on,
              reviewerKind: r.reviewer_kind!,
              reviewer: r.reviewer ?? '',
              outcome: r.outcome,
              lossesYuan: Number(r.losses_yuan ?? 0),
              excessProfitYuan: Number(r.excess_profit_yuan ?? 0),
              savingsYuan: Number(r.savings_yuan ?? 0),
              quality: r.quality!,
              summary: r.summary ?? '',
            }
          : null,
    })),
  };
}
