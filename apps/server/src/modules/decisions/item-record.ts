// The record of each agenda item as the meeting page shows it (M-32): opinions in speaking order, recusals, the
// candidates with their tallies, how it closed, and whether the principal's entry is still locked (末位表态).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import type { MemberFact } from './item-facts.js';
import { tally, type Vote } from './tally.js';

const OPINIONS = { agree: ['同意', 'Agree'], disagree: ['不同意', 'Disagree'], reserve: ['保留', 'Reserve'] } as const;
const RECUSALS = {
  candidate: ['本人为拟任人选', 'Is the candidate'],
  relation: ['与拟任人选有任职回避关系', 'Related to the candidate (M-06)'],
  declared: ['本人申明利益冲突', 'Declared a conflict of interest'],
} as const;
const RESULTS = {
  passed: ['通过', 'Passed'],
  rejected: ['未通过', 'Not passed'],
  deferred: ['缓议', 'Deferred'],
} as const;

export async function itemRecords(db: Kysely<DB>, itemIds: number[], members: MemberFact[], principal: number) {
  const ids = itemIds.length ? itemIds : [0];
  const [opinions, recusals, candidates, votes, signatures] = await Promise.all([
    db
      .selectFrom('item_opinions as o')
      .innerJoin('cadres as c', 'c.id', 'o.cadre_id')
      .select(['o.item_id', 'o.seq', 'o.cadre_id', 'c.name', 'o.opinion', 'o.reason', 'o.deemed'])
      .where('o.item_id', 'in', ids)
      .orderBy('o.seq')
      .execute(),
    db
      .selectFrom('item_recusals as r')
      .innerJoin('cadres as c', 'c.id', 'r.cadre_id')
      .select(['r.item_id', 'r.cadre_id', 'c.name', 'r.reason', 'r.note'])
      .where('r.item_id', 'in', ids)
      .execute(),
    db.selectFrom('item_candidates').selectAll().where('item_id', 'in', ids).orderBy('seq').execute(),
    db
      .selectFrom('candidate_votes as v')
      .innerJoin('item_candidates as k', 'k.id', 'v.candidate_id')
      .select(['v.candidate_id', 'v.cadre_id', 'v.vote'])
      .where('k.item_id', 'in', ids)
      .execute(),
    db
      .selectFrom('item_signatures as g')
      .innerJoin('cadres as c', 'c.id', 'g.cadre_id')
      .select(['g.item_id', 'g.capacity', 'g.cadre_id', 'c.name', 'g.method', 'g.digest', 'g.signed_at'])
      .where('g.item_id', 'in', ids)
      .orderBy('g.id')
      .execute(),
  ]);
  return (itemId: number) => {
    const recused = recusals.filter((r) => r.item_id === itemId);
    const out = new Set(recused.map((r) => r.cadre_id));
    const speakers = members.filter((m) => m.attended && !out.has(m.cadreId)).map((m) => m.cadreId);
    const said = opinions.filter((o) => o.item_id === itemId);
    const spoken = new Set(said.map((o) => o.cadre_id));
    const base = members.length - recused.length;
    const waiting = speakers.filter((c) => c !== principal && !spoken.has(c)).length;
    return {
      /** Present and not recused: who may speak and vote, and who counts for quorum. */
      speakers: speakers.length,
      principal: speakers.includes(principal) ? { cadreId: principal, locked: waiting > 0 } : null,
      opinions: said.map((o) => ({
        seq: o.seq,
        cadreId: o.cadre_id,
        name: o.name,
        opinion: o.opinion,
        opinionLabel: [...OPINIONS[o.opinion]] as [string, string],
        reason: o.reason,
        deemed: o.deemed,
      })),
      notYetSpoken: speakers.filter((c) => !spoken.has(c)),
      recusals: recused.map((r) => ({
        cadreId: r.cadre_id,
        name: r.name,
        reason: r.reason,
        reasonLabel: [...RECUSALS[r.reason]] as [string, string],
        note: r.note,
      })),
      candidates: candidates
        .filter((k) => k.item_id === itemId)
        .map((k) => {
          const mine = votes.filter((v) => v.candidate_id === k.id);
          return {
            id: k.id,
            seq: k.seq,
            cadreId: k.cadre_id,
            name: k.name,
            post: k.post,
            result: k.result,
            resultLabel: k.result ? ([...RESULTS[k.result]] as [string, string]) : null,
            tally: tally(
              mine.map((v) => v.vote as Vote),
              base,
            ),
            voted: mine.map((v) => ({ cadreId: v.cadre_id, vote: v.vote })),
          };
        }),
      /** M-33: the proposer's and the chair's own confirmations. */
      signatures: signatures
        .filter((g) => g.item_id === itemId)
        .map((g) => ({
          capacity: g.capacity,
          cadreId: g.cadre_id,
          name: g.name,
          method: g.method,
          digest: g.digest,
          signedAt: new Date(g.signed_at).toISOString(),
        })),
    };
  };
}
