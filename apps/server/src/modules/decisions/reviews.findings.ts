// The M-36 findings (issue 14 §6, `004` 结果查究 and 考核): recomputed from the records, so the store holds what they show.
// - A negative result review: a finding on the decision's proposer, for accountability, its evidence naming the
//   decision, the review and the members who agreed (deemed agreement included).
// - A team member with no proposal in a year: members on a unit's team the whole calendar year, at a unit that
//   recorded meetings that year, who proposed no item (a deemed proposer did not propose) and no emergency decision.
//   Each year is its own batch (source decisions.proposals:YYYY), so the year's evaluation reads its own.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { recordFindings } from '../../platform/findings/index.js';
import type { Finding } from '../../platform/rules/index.js';
import { write, type Actor, type WriteCtx } from '../../platform/trail/index.js';

type Found = Finding & { subjectId: number };
const yuan = (v: string | number | null) => Number(v ?? 0).toLocaleString('zh-CN');

export async function refreshReviewFindings(w: WriteCtx, cadreIds: number[]) {
  const rows = await w.trx
    .selectFrom('result_reviews as v')
    .innerJoin('meeting_items as i', 'i.id', 'v.item_id')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(['v.id', 'v.item_id', 'v.done_on', 'v.reviewer', 'v.losses_yuan', 'v.excess_profit_yuan', 'v.quality'])
    .select(['i.title', 'i.proposer_cadre_id', 'i.proposer_deemed', 'm.id as meeting_id', 'm.held_on'])
    .where('v.outcome', '=', 'negative')
    .where('i.proposer_cadre_id', 'in', cadreIds)
    .orderBy('v.done_on')
    .orderBy('v.id')
    .execute();
  const agreed = rows.length
    ? await agreeingMembers(
        w.trx,
        rows.map((r) => r.item_id),
      )
    : new Map();
  const found: Found[] = rows.map((r) => ({
    subjectId: r.proposer_cadre_id,
    ruleId: 'M-36',
    level: Number(r.losses_yuan ?? 0) > 0 || Number(r.excess_profit_yuan ?? 0) > 0 ? 'red' : 'yellow',
    message: `${r.held_on} 会议决定的「${r.title}」结果查究为负面（损失 ${yuan(r.losses_yuan)} 元，超额利润 ${yuan(r.excess_profit_yuan)} 元），追究提议人责任`,
    messageEn: `The result review of "${r.title}" (decided ${r.held_on}) is negative; the proposer answers for it`,
    settings: {},
    evidence: [
      {
        reviewId: r.id,
        meetingId: r.meeting_id,
        itemId: r.item_id,
        heldOn: r.held_on,
        reviewedOn: r.done_on,
        reviewer: r.reviewer,
        proposerDeemed: r.proposer_deemed,
        agreed: agreed.get(r.item_id) ?? [],
      },
    ],
  }));
  await recordFindings(w, {
    source: 'decisions.review',
    subjectKind: 'cadre',
    subjectIds: cadreIds,
    found,
    today: toCstDate(w.now),
  });
}

/** The year's team members who proposed nothing (the daily job evaluates the last complete year). */
export async function checkProposals(ctx: AppContext, actor: Actor, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await sql<{ cadre_id: number; org_id: number; org_name: string; meetings: number; proposals: number }>`
    select t.cadre_id, t.org_id, o.name as org_name,
      (select count(*)::int from meetings m where m.org_id = t.org_id and m.held_on between ${from} and ${to}) as meetings,
      ((select count(*)::int from meeting_items i join meetings m on m.id = i.meeting_id
         where m.org_id = t.org_id and i.proposer_cadre_id = t.cadre_id and not i.proposer_deemed
           and m.held_on between ${from} and ${to})
       + (select count(*)::int from emergency_decisions e where e.org_id = t.org_id and e.proposer_cadre_id = t.cadre_id
           and e.decided_on between ${from} and ${to})) as proposals
    from team_members t join orgs o on o.id = t.org_id
    where t.joined_on <= ${from}::date and (t.left_on is null or t.left_on >= ${to}::date)
    order by t.cadre_id, t.org_id`.execute(ctx.db);
  const evaluated = rows.rows.filter((r) => r.meetings > 0);
  const found: Found[] = evaluated
    .filter((r) => r.proposals === 0)
    .map((r) => ({
      subjectId: r.cadre_id,
      ruleId: 'M-36',
      level: 'yellow',
      message: `${year} 年在${r.org_name}班子中未提出任何议题（该单位全年 ${r.meetings} 次会议），供年度考核参考`,
      messageEn: `Proposed no item in ${year} on the team of ${r.org_name} (${r.meetings} meetings that year)`,
      settings: {},
      evidence: [{ year, orgId: r.org_id, meetings: r.meetings, proposals: 0 }],
    }));
  const subjectIds = [...new Set(evaluated.map((r) => r.cadre_id))];
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const r = await recordFindings(w, {
      source: `decisions.proposals:${year}`,
      subjectKind: 'cadre',
      subjectIds,
      found,
      today: toCstDate(w.now),
    });
    w.record({
      action: 'decisions.proposals.check',
      entity: 'finding',
      detail: { year, evaluated: subjectIds.length, found: found.length },
    });
    return { year, evaluated: subjectIds.length, found: found.length, active: r.active };
  });
}

/** The members who agreed to each item (deemed agreement included: silence counts as agreeing, `004`). */
export async function agreeingMembers(db: Kysely<DB>, itemIds: number[]) {
  const rows = await db
    .selectFrom('item_opinions as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .select(['p.item_id', 'p.cadre_id', 'c.name'])
    .where('p.item_id', 'in', itemIds)
    .where('p.opinion', '=', 'agree')
    .orderBy('p.item_id')
    .orderBy('p.seq')
    .execute();
  const out = new Map<number, Array<{ cadreId: number; name: string }>>();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), { cadreId: r.cadre_id, name: r.name }]);
  return out;
}
