// Reading a meeting (issue 14 §1–§2, M-30 … M-32): who should attend and who came, the guests, and each agenda item
// with its proposer, missing preparatory steps, quorum, opinions in speaking order,
// recusals, candidates with their tallies and how it closed. The read is trailed.
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { recordRead, type Actor } from '../../platform/trail/index.js';
import { principalOf } from './item-facts.js';
import { itemRecords } from './item-record.js';
import { audioOf } from './audio.service.js';
import { emergenciesAt } from './emergency.service.js';
import { ITEM_CATEGORIES, MEETING_KINDS, PREP_SETTING, PREP_STEPS, type PrepStep } from './meeting.dicts.js';
import { quorum } from './quorum.js';
import { addendaOf } from './addenda.service.js';

export async function getMeeting(ctx: AppContext, actor: Actor, id: number) {
  const m = await ctx.db
    .selectFrom('meetings as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .innerJoin('cadres as c', 'c.id', 'm.chair_cadre_id')
    .select(['m.id', 'm.org_id', 'o.name as org_name', 'm.kind', 'm.held_on', 'm.place', 'm.recorder'])
    .select(['m.chair_cadre_id', 'c.name as chair_name'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!m) throw notFound();
  const seal = await ctx.db
    .selectFrom('meeting_seals')
    .select(['seq', 'digest', 'sealed_at'])
    .where('meeting_id', '=', id)
    .executeTakeFirst();
  const [members, guests, items, settings, emergencies, addenda] = await Promise.all([
    ctx.db
      .selectFrom('meeting_members as x')
      .innerJoin('cadres as c', 'c.id', 'x.cadre_id')
      .select(['x.cadre_id', 'c.name', 'x.team_role', 'x.attended', 'x.absence_reason'])
      .where('x.meeting_id', '=', id)
      .orderBy('x.sort')
      .execute(),
    ctx.db
      .selectFrom('meeting_guests')
      .select(['name', 'capacity'])
      .where('meeting_id', '=', id)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('meeting_items as i')
      .innerJoin('cadres as c', 'c.id', 'i.proposer_cadre_id')
      .selectAll('i')
      .select('c.name as proposer_name')
      .where('i.meeting_id', '=', id)
      .orderBy('i.seq')
      .execute(),
    Promise.all([getRuleSettings(ctx.db, 'M-30', m.org_id), getRuleSettings(ctx.db, 'M-31', m.org_id)]),
    emergenciesAt(ctx, m, !!seal),
    seal ? addendaOf(ctx, id) : Promise.resolve([]),
  ]);
  await recordRead(ctx.db, ctx.clock, actor, { action: 'meeting.read', entity: 'meeting', entityId: id });
  const facts = members.map((x) => ({ cadreId: x.cadre_id, teamRole: x.team_role, attended: x.attended }));
  const principal = principalOf(facts, m.chair_cadre_id);
  const present = members.filter((x) => x.attended).length;
  const audio = await audioOf(
    ctx,
    items.map((i) => i.id),
  );
  const record = await itemRecords(
    ctx.db,
    items.map((i) => i.id),
    facts,
    principal,
  );
  const [q30, q31] = settings.map((s) => s.values) as [
    { majorQuorumShare: number; appointmentQuorumShare: number },
    Record<string, PrepStep[]>,
  ];
  return {
    id: m.id,
    orgId: m.org_id,
    orgName: m.org_name,
    kind: m.kind,
    kindLabel: [...MEETING_KINDS[m.kind]] as [string, string],
    heldOn: m.held_on,
    place: m.place,
    chair: { cadreId: m.chair_cadre_id, name: m.chair_name },
    recorder: m.recorder,
    attendanceRecorded: members.every((x) => x.attended !== null),
    members: members.map((x) => ({
      cadreId: x.cadre_id,
      name: x.name,
      teamRole: x.team_role,
      attended: x.attended,
      absenceReason: x.absence_reason,
    })),
    guests,
    principal,
    emergencies,
    seal: seal ? { seq: seal.seq, digest: seal.digest, sealedAt: new Date(seal.sealed_at).toISOString() } : null,
    addenda: addenda.map(({ content, proof }) => ({
      n: content.n,
      reason: content.reason,
      correction: content.correction,
      digest: proof.payload.digest,
      createdAt: proof.payload.createdAt,
    })),
    items: items.map((i) => {
      const rec = record(i.id);
      const needs = i.category === 'other' ? [] : (q31[PREP_SETTING[i.category]] ?? []);
      return {
        id: i.id,
        seq: i.seq,
        title: i.title,
        category: i.category,
        categoryLabel: [...ITEM_CATEGORIES[i.category]] as [string, string],
        proposer: { cadreId: i.proposer_cadre_id, name: i.proposer_name, deemed: i.proposer_deemed },
        materials: i.materials,
        prepDone: i.prep_done,
        prepMissing: needs
          .filter((p) => !i.prep_done.includes(p))
          .map((p) => ({ code: p, label: [...PREP_STEPS[p]] as [string, string] })),
        quorum: quorum(i.category === 'appointment', members.length, present, q30),
        status: i.status,
        urgentReason: i.urgent_reason,
        dissent: i.dissent,
        voters: i.voters,
        overDivergence: i.over_divergence,
        audio: audio(i.id),
        ...rec,
      };
    }),
  };
}
