// What a write on an agenda item needs to know (M-32), read under the item's lock so that two opinions at once cannot
// both be "the next" or both slip in before the principal: the meeting, its members and attendance, the recused,
// the opinions given so far, and who the principal is.
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import { conflict, invalidField, notFound } from '../../platform/http/index.js';

export interface MemberFact {
  cadreId: number;
  teamRole: string;
  attended: boolean | null;
}
export interface ItemFacts {
  id: number;
  meetingId: number;
  orgId: number;
  heldOn: string;
  category: string;
  status: 'open' | 'decided' | 'deferred';
  proposerCadreId: number;
  chairCadreId: number;
  members: MemberFact[];
  recused: Set<number>;
  opinions: Array<{ cadreId: number; seq: number; opinion: 'agree' | 'disagree' | 'reserve' }>;
  /** The 一把手 who speaks last (末位表态). */
  principal: number;
}

/** The secretary of the team, else its head, else the chair: the member whose opinion comes last. */
export function principalOf(members: MemberFact[], chair: number): number {
  return (
    members.find((m) => m.teamRole === 'secretary')?.cadreId ??
    members.find((m) => m.teamRole === 'head')?.cadreId ??
    chair
  );
}

export async function loadItem(trx: Transaction<DB>, itemId: number): Promise<ItemFacts> {
  const i = await trx
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(['i.id', 'i.meeting_id', 'i.category', 'i.status', 'i.proposer_cadre_id'])
    .select(['m.org_id', 'm.held_on', 'm.chair_cadre_id'])
    .where('i.id', '=', itemId)
    .forUpdate('i')
    .executeTakeFirst();
  if (!i) throw notFound();
  const [members, recused, opinions] = await Promise.all([
    trx
      .selectFrom('meeting_members')
      .select(['cadre_id as cadreId', 'team_role as teamRole', 'attended'])
      .where('meeting_id', '=', i.meeting_id)
      .orderBy('sort')
      .execute(),
    trx.selectFrom('item_recusals').select('cadre_id').where('item_id', '=', itemId).execute(),
    trx
      .selectFrom('item_opinions')
      .select(['cadre_id as cadreId', 'seq', 'opinion'])
      .where('item_id', '=', itemId)
      .orderBy('seq')
      .execute(),
  ]);
  return {
    id: i.id,
    meetingId: i.meeting_id,
    orgId: i.org_id,
    heldOn: i.held_on,
    category: i.category,
    status: i.status,
    proposerCadreId: i.proposer_cadre_id,
    chairCadreId: i.chair_cadre_id,
    members,
    recused: new Set(recused.map((r) => r.cadre_id)),
    opinions,
    principal: principalOf(members, i.chair_cadre_id),
  };
}

export function assertOpen(f: ItemFacts) {
  if (f.status !== 'open')
    throw conflict('ITEM_CLOSED', '该议题已表决结束，不能再改动', 'This item is closed and cannot be changed');
}

/** The members who may speak and vote: present and not recused. */
export const voters = (f: ItemFacts) => f.members.filter((m) => m.attended && !f.recused.has(m.cadreId));

/** `cadreId` may speak or vote on this item: a member, present, not recused. */
export function assertVoter(f: ItemFacts, cadreId: number) {
  const m = f.members.find((x) => x.cadreId === cadreId);
  if (!m) throw invalidField('cadreId', '不是本次会议的应到会成员', 'Not a member who should attend this meeting');
  if (m.attended !== true)
    throw conflict(
      'NOT_PRESENT',
      '该成员未到会，不能发表意见或表决',
      'This member is not present and cannot speak or vote',
    );
  if (f.recused.has(cadreId))
    throw conflict('RECUSED', '该成员已回避本议题，不能发表意见或表决', 'This member is recused from this item');
}
