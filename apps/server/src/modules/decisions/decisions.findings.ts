// The decisions module's findings (issue 14), recomputed for a unit from its records each time one of them changes,
// so the findings store holds exactly what the records show:
// - M-33: an item of a category whose full audio is required, sealed without a recording;
// - M-32: an item decided although opinions diverged at or above the share (an urgent reason was recorded);
// - M-34: an emergency decision written down later than recordWithinDays calendar days after it was taken;
// - M-34: an emergency decision not reported (通报) by the time the body's next meeting closed (every item of it
//   closed; a sealed record will take that role, issue 14 §5), reported at a later one or not at all.
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import { recordFindings } from '../../platform/findings/index.js';
import { getRuleSettingsFor, type Finding } from '../../platform/rules/index.js';
import type { WriteCtx } from '../../platform/trail/index.js';
import { daysBetween } from './emergency.dates.js';

type Found = Finding & { subjectId: number };

export async function refreshDecisionFindings(ctx: AppContext, w: WriteCtx, orgId: number) {
  const s = await getRuleSettingsFor(w.trx, ['M-32', 'M-33', 'M-34'], orgId);
  const [over, emergencies, meetings, silent] = await Promise.all([
    w.trx
      .selectFrom('meeting_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select(['i.id', 'i.meeting_id', 'i.title', 'i.dissent', 'i.voters', 'i.urgent_reason', 'm.held_on'])
      .where('m.org_id', '=', orgId)
      .where('i.over_divergence', '=', true)
      .orderBy('m.held_on')
      .orderBy('i.id')
      .execute(),
    w.trx
      .selectFrom('emergency_decisions as e')
      .leftJoin('meetings as m', 'm.id', 'e.reported_meeting_id')
      .select(['e.id', 'e.kind', 'e.title', 'e.decided_on', 'e.recorded_on', 'm.held_on as reported_on'])
      .where('e.org_id', '=', orgId)
      .orderBy('e.decided_on')
      .orderBy('e.id')
      .execute(),
    w.trx
      .selectFrom('meetings as m')
      .select(['m.id', 'm.kind', 'm.held_on'])
      .select((eb) =>
        eb
          .and([
            eb.exists(eb.selectFrom('meeting_items as i').select('i.id').whereRef('i.meeting_id', '=', 'm.id')),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('meeting_items as i')
                  .select('i.id')
                  .whereRef('i.meeting_id', '=', 'm.id')
                  .where('i.status', '=', 'open'),
              ),
            ),
          ])
          .as('closed'),
      )
      .where('m.org_id', '=', orgId)
      .orderBy('m.held_on')
      .orderBy('m.id')
      .execute(),
    w.trx
      .selectFrom('meeting_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .innerJoin('meeting_seals as s', 's.meeting_id', 'm.id')
      .select(['i.id', 'i.meeting_id', 'i.title', 'i.category', 'm.held_on'])
      .where('m.org_id', '=', orgId)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('item_audio as a').select('a.id').whereRef('a.item_id', '=', 'i.id'))),
      )
      .orderBy('m.held_on')
      .orderBy('i.id')
      .execute(),
  ]);
  const within = s['M-34'].values.recordWithinDays;
  const found: Found[] = over.map((i) => ({
    subjectId: orgId,
    ruleId: 'M-32',
    level: 'yellow',
    message: `${i.held_on} 会议议题「${i.title}」意见分歧较大（${i.dissent}/${i.voters} 不同意或保留），未暂缓表决即作出决定`,
    messageEn: `Item "${i.title}" of ${i.held_on} was decided over divided opinions (${i.dissent}/${i.voters})`,
    settings: { divergenceShare: s['M-32'].values.divergenceShare },
    evidence: [{ meetingId: i.meeting_id, itemId: i.id, heldOn: i.held_on, urgentReason: i.urgent_reason }],
  }));
  const required = s['M-33'].values.audioRequired as string[];
  for (const i of silent.filter((x) => required.includes(x.category)))
    found.push({
      subjectId: orgId,
      ruleId: 'M-33',
      level: 'yellow',
      message: `${i.held_on} 会议议题「${i.title}」未附讨论全程录音即封存`,
      messageEn: `Item "${i.title}" of ${i.held_on} was sealed without the audio of its discussion`,
      settings: { audioRequired: required },
      evidence: [{ meetingId: i.meeting_id, itemId: i.id, heldOn: i.held_on, category: i.category }],
    });
  for (const e of emergencies) {
    const days = daysBetween(e.decided_on, e.recorded_on);
    if (days > within)
      found.push({
        subjectId: orgId,
        ruleId: 'M-34',
        level: 'yellow',
        message: `临时决策「${e.title}」（${e.decided_on}）${days} 天后才书面补记，超过 ${within} 天`,
        messageEn: `Emergency decision "${e.title}" (${e.decided_on}) was recorded after ${days} days (limit ${within})`,
        settings: { recordWithinDays: within },
        evidence: [{ emergencyId: e.id, decidedOn: e.decided_on, recordedOn: e.recorded_on }],
      });
    const next = meetings.find((m) => m.kind === e.kind && m.held_on > e.decided_on);
    if (next?.closed && (e.reported_on == null || e.reported_on > next.held_on))
      found.push({
        subjectId: orgId,
        ruleId: 'M-34',
        level: 'yellow',
        message: `临时决策「${e.title}」（${e.decided_on}）未在其后 ${next.held_on} 的会议上通报`,
        messageEn: `Emergency decision "${e.title}" (${e.decided_on}) was not reported at the next meeting (${next.held_on})`,
        settings: { recordWithinDays: within },
        evidence: [{ emergencyId: e.id, decidedOn: e.decided_on, nextMeetingId: next.id, reportedOn: e.reported_on }],
      });
  }
  await recordFindings(w, {
    source: 'decisions',
    subjectKind: 'org',
    subjectIds: [orgId],
    found,
    today: toCstDate(ctx.clock.now()),
  });
}
