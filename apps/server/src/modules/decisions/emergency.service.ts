// Emergency decisions (issue 14 §4, M-34): a decision a body took without meeting, recorded in writing with its
// reason and proposer. On time when written down within recordWithinDays calendar days of the decision (`004` 三天内,
// counted from the next day: decided on the 1st, written on the 4th is on time, on the 5th late). It must then be
// reported (通报) at the body's next meeting, whose record lists it until it is.
import type { z } from 'zod';
import { toCstDate } from '../../platform/clock/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { assertNotAfterToday, conflict, invalidField, notFound, toLimitOffset } from '../../platform/http/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { orgVisible } from '../../platform/scope/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { refreshDecisionFindings } from './decisions.findings.js';
import { daysBetween } from './emergency.dates.js';
import { ITEM_CATEGORIES, MEETING_KINDS } from './meeting.dicts.js';
import type { emergencyCreate, emergencyListQuery, emergencyReport } from './emergency.schema.js';

export async function createEmergency(
  ctx: AppContext,
  actor: Actor,
  auth: Auth,
  input: z.infer<typeof emergencyCreate>,
) {
  assertNotAfterToday(ctx.clock, 'decidedOn', input.decidedOn, ['决策日期', 'The decision']);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const member = await w.trx
      .selectFrom('team_members')
      .select('cadre_id')
      .where('org_id', '=', input.orgId)
      .where('cadre_id', '=', input.proposerCadreId)
      .where('joined_on', '<=', input.decidedOn)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', input.decidedOn)]))
      .executeTakeFirst();
    if (!member)
      throw invalidField(
        'proposerCadreId',
        '提议人须是决策当日该单位的班子成员',
        'The proposer must be a member of the unit’s team on that day',
      );
    const recordedOn = toCstDate(w.now);
    const { values } = await getRuleSettings(w.trx, 'M-34', input.orgId);
    const late = daysBetween(input.decidedOn, recordedOn) > values.recordWithinDays;
    const { id } = await w.trx
      .insertInto('emergency_decisions')
      .values({
        org_id: input.orgId,
        kind: input.kind,
        title: input.title,
        category: input.category,
        decided_on: input.decidedOn,
        recorded_on: recordedOn,
        reason: input.reason,
        content: input.content,
        proposer_cadre_id: input.proposerCadreId,
        created_by: auth.accountId,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    w.record({
      action: 'emergency.create',
      entity: 'emergency_decision',
      entityId: id,
      detail: { orgId: input.orgId, decidedOn: input.decidedOn, recordedOn, late },
    });
    await appendTimeline(w, {
      cadreId: input.proposerCadreId,
      occurredOn: input.decidedOn,
      eventType: 'decisions.proposed',
      sourceModule: 'decisions',
      summary: `提议临时决策「${input.title}」（未经会议，事后补记）`,
      refEntity: 'emergency_decision',
      refId: id,
    });
    await refreshDecisionFindings(ctx, w, input.orgId);
    return { id, recordedOn, late };
  });
}

/** 通报: reported at a meeting of the same unit and body held on or after the day it was decided. */
export async function reportEmergency(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof emergencyReport>,
) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const e = await w.trx
      .selectFrom('emergency_decisions')
      .select(['org_id', 'kind', 'decided_on', 'reported_meeting_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!e) throw notFound();
    if (e.reported_meeting_id)
      throw conflict('ALREADY_REPORTED', '该临时决策已通报', 'This emergency decision has already been reported');
    const m = await w.trx
      .selectFrom('meetings')
      .select(['org_id', 'kind', 'held_on'])
      .where('id', '=', input.meetingId)
      .executeTakeFirstOrThrow();
    const sealed = await w.trx
      .selectFrom('meeting_seals')
      .select('seq')
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (sealed)
      throw conflict(
        'RECORD_SEALED',
        '该会议记录已封存，不能再登记通报',
        'That meeting is sealed; a report cannot be added to it',
      );
    if (m.org_id !== e.org_id || m.kind !== e.kind || m.held_on < e.decided_on)
      throw invalidField(
        'meetingId',
        '须在同一单位同一会议（决策之后召开）上通报',
        'It is reported at a later meeting of the same unit and body',
      );
    await w.trx
      .updateTable('emergency_decisions')
      .set({ reported_meeting_id: input.meetingId, reported_at: w.now })
      .where('id', '=', id)
      .execute();
    w.record({
      action: 'emergency.report',
      entity: 'emergency_decision',
      entityId: id,
      detail: { meetingId: input.meetingId },
    });
    await refreshDecisionFindings(ctx, w, e.org_id);
    return { id };
  });
}

export async function listEmergencies(ctx: AppContext, auth: Auth, query: z.infer<typeof emergencyListQuery>) {
  let q = ctx.db
    .selectFrom('emergency_decisions as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .innerJoin('cadres as c', 'c.id', 'e.proposer_cadre_id')
    .leftJoin('meetings as m', 'm.id', 'e.reported_meeting_id')
    .leftJoin('emergency_signatures as g', 'g.emergency_id', 'e.id')
    .where(orgVisible(auth.scope, 'o'));
  if (query.orgId) q = q.where('e.org_id', '=', query.orgId);
  const { limit, offset } = toLimitOffset(query);
  const [rows, total] = await Promise.all([
    q
      .select(['e.id', 'e.org_id', 'o.name as org_name', 'e.kind', 'e.title', 'e.category', 'e.decided_on'])
      .select(['e.recorded_on', 'e.reason', 'e.content', 'c.name as proposer_name', 'm.id as meeting_id'])
      .select(['m.held_on as reported_on', 'e.proposer_cadre_id', 'g.method', 'g.signed_at'])
      .orderBy('e.decided_on', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const days = await Promise.all(
    [...new Set(rows.map((r) => r.org_id))].map(
      async (o) => [o, (await getRuleSettings(ctx.db, 'M-34', o)).values.recordWithinDays] as const,
    ),
  );
  const within = new Map(days);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      kind: r.kind,
      kindLabel: [...MEETING_KINDS[r.kind]] as [string, string],
      title: r.title,
      category: r.category,
      categoryLabel: [...ITEM_CATEGORIES[r.category]] as [string, string],
      decidedOn: r.decided_on,
      recordedOn: r.recorded_on,
      late: daysBetween(r.decided_on, r.recorded_on) > within.get(r.org_id)!,
      reason: r.reason,
      content: r.content,
      proposerName: r.proposer_name,
      reported: r.meeting_id ? { meetingId: r.meeting_id, heldOn: r.reported_on! } : null,
      proposerCadreId: r.proposer_cadre_id,
      signed: r.method && r.signed_at ? { method: r.method, signedAt: new Date(r.signed_at).toISOString() } : null,
    })),
  };
}

/** For a meeting's record: those reported there and, until it is sealed, the body's others still to report. */
export async function emergenciesAt(
  ctx: AppContext,
  m: { id: number; org_id: number; kind: string; held_on: string },
  sealed: boolean,
) {
  // A sealed record lists only what was reported at it: nothing can be reported there any more.
  if (sealed)
    return (
      await ctx.db
        .selectFrom('emergency_decisions')
        .select(['id', 'title', 'decided_on'])
        .where('reported_meeting_id', '=', m.id)
        .orderBy('decided_on')
        .execute()
    ).map((r) => ({ id: r.id, title: r.title, decidedOn: r.decided_on, reported: true }));
  const rows = await ctx.db
    .selectFrom('emergency_decisions')
    .select(['id', 'title', 'decided_on', 'reported_meeting_id'])
    .where('org_id', '=', m.org_id)
    .where('kind', '=', m.kind as 'committee')
    .where((eb) =>
      eb.or([
        eb('reported_meeting_id', '=', m.id),
        eb.and([eb('reported_meeting_id', 'is', null), eb('decided_on', '<=', m.held_on)]),
      ]),
    )
    .orderBy('decided_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    decidedOn: r.decided_on,
    reported: r.reported_meeting_id === m.id,
  }));
}
