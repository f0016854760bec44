// The decisions module's findings (issue 14), recomputed for a unit from its records each time one of them changes,
// so the findings store holds exactly what the records show. So far: an item decided although opinions diverged at
// or above the M-32 share (the chair recorded an urgent reason; `003` (十) says defer).
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { recordFindings } from '../../platform/findings/index.js';
import type { Finding } from '../../platform/rules/index.js';
import type { WriteCtx } from '../../platform/trail/index.js';

export async function refreshDecisionFindings(ctx: AppContext, w: WriteCtx, orgId: number) {
  const over = await w.trx
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(['i.id', 'i.meeting_id', 'i.title', 'i.dissent', 'i.voters', 'i.urgent_reason', 'm.held_on'])
    .where('m.org_id', '=', orgId)
    .where('i.over_divergence', '=', true)
    .orderBy('m.held_on')
    .orderBy('i.id')
    .execute();
  const found: Array<Finding & { subjectId: number }> = over.map((i) => ({
    subjectId: orgId,
    ruleId: 'M-32',
    level: 'yellow',
    message: `${i.held_on} 会议议题「${i.title}」意见分歧较大（${i.dissent}/${i.voters} 不同意或保留），未暂缓表决即作出决定`,
    messageEn: `Item "${i.title}" of ${i.held_on} was decided over divided opinions (${i.dissent}/${i.voters})`,
    settings: {},
    evidence: [
      {
        meetingId: i.meeting_id,
        itemId: i.id,
        heldOn: i.held_on,
        dissent: i.dissent,
        voters: i.voters,
        urgentReason: i.urgent_reason,
      },
    ],
  }));
  await recordFindings(w, {
    source: 'decisions',
    subjectKind: 'org',
    subjectIds: [orgId],
    found,
    today: toCstDate(ctx.clock.now()),
  });
}
