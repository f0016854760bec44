// Meetings and their agenda items (issue 14 §1, M-30, M-31). Who should attend is the unit's leadership team on the
// meeting's date, copied into the meeting when it is recorded; attendance says who came and why others did not; each
// item names its initial proposer — a member of that team — or, when none is recorded, the chair as the deemed
// proposer; its quorum is counted against the members who should attend, by the M-30 settings of the unit.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { assertNotAfterToday, conflict, invalidField, toLimitOffset } from '../../platform/http/index.js';
import { orgVisible } from '../../platform/scope/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import { MEETING_KINDS } from './meeting.dicts.js';
import type { attendance, itemCreate, meetingCreate, meetingListQuery } from './meetings.schema.js';

export async function createMeeting(ctx: AppContext, actor: Actor, auth: Auth, input: z.infer<typeof meetingCreate>) {
  assertNotAfterToday(ctx.clock, 'heldOn', input.heldOn, ['会议日期', 'The meeting']);
  const team = await ctx.db
    .selectFrom('team_members')
    .select(['cadre_id', 'team_role', 'sort'])
    .where('org_id', '=', input.orgId)
    .where('joined_on', '<=', input.heldOn)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', input.heldOn)]))
    .orderBy('sort')
    .orderBy('cadre_id')
    .execute();
  if (!team.length)
    throw conflict(
      'NO_TEAM',
      `该单位在 ${input.heldOn} 没有领导班子成员`,
      `The unit had no leadership team on ${input.heldOn}`,
    );
  if (!team.some((m) => m.cadre_id === input.chairCadreId))
    throw invalidField(
      'chairCadreId',
      '主持人须是会议当日的班子成员',
      'The chair must be a member of the team on that day',
    );
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const { id } = await w.trx
      .insertInto('meetings')
      .values({
        org_id: input.orgId,
        kind: input.kind,
        held_on: input.heldOn,
        place: input.place,
        chair_cadre_id: input.chairCadreId,
        recorder: input.recorder,
        created_by: auth.accountId,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await w.trx
      .insertInto('meeting_members')
      .values(team.map((m, i) => ({ meeting_id: id, cadre_id: m.cadre_id, team_role: m.team_role, sort: i })))
      .execute();
    if (input.guests?.length)
      await w.trx
        .insertInto('meeting_guests')
        .values(input.guests.map((g) => ({ meeting_id: id, name: g.name, capacity: g.capacity })))
        .execute();
    w.record({
      action: 'meeting.create',
      entity: 'meeting',
      entityId: id,
      detail: { orgId: input.orgId, members: team.length },
    });
    return { id };
  });
}

const counts = (field: 'expected' | 'present' | 'items') =>
  field === 'items'
    ? sql<string>`(select count(*) from meeting_items i where i.meeting_id = m.id)`.as('items')
    : sql<string>`(select count(*) from meeting_members x where x.meeting_id = m.id${field === 'present' ? sql` and x.attended` : sql``})`.as(
        field,
      );

export async function listMeetings(ctx: AppContext, auth: Auth, query: z.infer<typeof meetingListQuery>) {
  let q = ctx.db
    .selectFrom('meetings as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .innerJoin('cadres as c', 'c.id', 'm.chair_cadre_id')
    .where(orgVisible(auth.scope, 'o'));
  if (query.orgId) q = q.where('m.org_id', '=', query.orgId);
  const { limit, offset } = toLimitOffset(query);
  const [rows, total] = await Promise.all([
    q
      .select(['m.id', 'm.org_id', 'o.name as org_name', 'm.kind', 'm.held_on', 'm.place', 'c.name as chair_name'])
      .select([counts('expected'), counts('present'), counts('items')])
      .orderBy('m.held_on', 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      kind: r.kind,
      kindLabel: [...MEETING_KINDS[r.kind]] as [string, string],
      heldOn: r.held_on,
      place: r.place,
      chairName: r.chair_name,
      expected: Number(r.expected),
      present: Number(r.present),
      items: Number(r.items),
    })),
  };
}

/** Who came and who did not, with why; only the members who should attend, each once. */
export async function recordAttendance(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof attendance>) {
  const ids = input.members.map((m) => m.cadreId);
  if (new Set(ids).size !== ids.length)
    throw invalidField('members', '同一成员只能登记一次', 'Each member is recorded once');
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const members = new Set(
      (
        await w.trx.selectFrom('meeting_members').select('cadre_id').where('meeting_id', '=', id).forUpdate().execute()
      ).map((r) => r.cadre_id),
    );
    // Who came decides who speaks and the quorum: fixed once anyone has spoken or an item has closed.
    const begun = await w.trx
      .selectFrom('meeting_items as i')
      .select('i.id')
      .where('i.meeting_id', '=', id)
      .where((eb) =>
        eb.or([
          eb('i.status', '<>', 'open'),
          eb.exists(eb.selectFrom('item_opinions as o').select('o.seq').whereRef('o.item_id', '=', 'i.id')),
        ]),
      )
      .limit(1)
      .execute();
    if (begun.length)
      throw conflict(
        'DISCUSSION_BEGUN',
        '已有议题开始表态或已结束，不能再改动到会情况',
        'Opinions have been given or an item closed; attendance can no longer change',
      );
    const stranger = input.members.findIndex((m) => !members.has(m.cadreId));
    if (stranger >= 0)
      throw invalidField(
        `members.${stranger}.cadreId`,
        '不是本次会议的应到会成员',
        'Not a member who should attend this meeting',
      );
    for (const m of input.members)
      await w.trx
        .updateTable('meeting_members')
        .set({ attended: m.attended, absence_reason: m.attended ? null : m.absenceReason! })
        .where('meeting_id', '=', id)
        .where('cadre_id', '=', m.cadreId)
        .execute();
    w.record({
      action: 'meeting.attendance',
      entity: 'meeting',
      entityId: id,
      detail: {
        present: input.members.filter((m) => m.attended).map((m) => m.cadreId),
        absent: input.members.filter((m) => !m.attended).map((m) => m.cadreId),
      },
    });
    return { id };
  });
}

/** An agenda item; its proposer must be a member of the meeting's team, else (none given) the chair, deemed (M-31). */
export async function addItem(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof itemCreate>) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const m = await w.trx
      .selectFrom('meetings')
      .select(['chair_cadre_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.proposerCadreId != null) {
      const member = await w.trx
        .selectFrom('meeting_members')
        .select('cadre_id')
        .where('meeting_id', '=', id)
        .where('cadre_id', '=', input.proposerCadreId)
        .executeTakeFirst();
      if (!member)
        throw invalidField(
          'proposerCadreId',
          '初始动议人须是本次会议的班子成员',
          'The initial proposer must be a member of the team',
        );
    }
    const next = await w.trx
      .selectFrom('meeting_items')
      .select(sql<number>`coalesce(max(seq), 0) + 1`.as('seq'))
      .where('meeting_id', '=', id)
      .executeTakeFirstOrThrow();
    const deemed = input.proposerCadreId == null;
    const row = await w.trx
      .insertInto('meeting_items')
      .values({
        meeting_id: id,
        seq: Number(next.seq),
        title: input.title,
        category: input.category,
        proposer_cadre_id: input.proposerCadreId ?? m.chair_cadre_id,
        proposer_deemed: deemed,
        materials: input.materials ?? null,
        prep_done: [...new Set(input.prepDone ?? [])],
        created_at: w.now,
      })
      .returning(['id', 'seq'])
      .executeTakeFirstOrThrow();
    w.record({
      action: 'meeting.item_add',
      entity: 'meeting',
      entityId: id,
      detail: { item: row.id, category: input.category, deemed },
    });
    return { id: row.id, seq: row.seq, proposerDeemed: deemed };
  });
}
