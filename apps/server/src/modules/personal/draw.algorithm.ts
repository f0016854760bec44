// The spot-check draw (issue 15 §2, M-41), written so that anyone can replay it from the published record: the
// eligible list is the sorted ids of those who filed; its digest is SHA-256 of the ids joined by "\n"; each id's
// rank is SHA-256(seed ":" digest ":" id) in hex, lowest first (ties: lower id); the first k are drawn, where
// k = ⌈n × share⌉ with the share in basis points (0.1 = 1000). The seed is committed (its SHA-256 published) before
// the list is fixed, and revealed at the draw; the digest in every rank means one cadre more reshuffles them all.
// Only node:crypto: `npm run replay-draw` and the README's few lines do exactly this.
import { createHash } from 'node:crypto';

export const DRAW_ALGORITHM = 'sha256(seed:listDigest:id)-ascending-v1';
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export const commitmentOf = (seed: string) => sha256(seed);
export const listDigest = (ids: number[]) => sha256([...ids].sort((a, b) => a - b).join('\n'));
export const drawSize = (n: number, shareBp: number) => Math.ceil((n * shareBp) / 10_000);

export function drawFrom(seed: string, ids: number[], shareBp: number): number[] {
  const digest = listDigest(ids);
  return ids
    .map((id) => ({ id, rank: sha256(`${seed}:${digest}:${id}`) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id - b.id))
    .slice(0, drawSize(ids.length, shareBp))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

/** What the exported record holds, and what a replay checks. */
export interface DrawRecord {
  algorithm: string;
  year: number;
  orgId: number;
  shareBp: number;
  commitment: string;
  seed: string;
  eligible: number[];
  eligibleDigest: string;
  drawn: number[];
  cohorts: Array<{ cadreId: number; cohort: string }>;
  drawnAt: string;
}

/** Replays a record: the seed matches its commitment, the list its digest, the draw the algorithm. */
export function replayDraw(r: DrawRecord): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  if (r.algorithm !== DRAW_ALGORITHM) problems.push('algorithm');
  if (commitmentOf(r.seed) !== r.commitment) problems.push('commitment');
  if (listDigest(r.eligible) !== r.eligibleDigest) problems.push('eligibleDigest');
  const again = drawFrom(r.seed, r.eligible, r.shareBp);
  if (again.join(',') !== [...r.drawn].sort((a, b) => a - b).join(',')) problems.push('drawn');
  if (r.cohorts.some((c) => r.eligible.includes(c.cadreId))) problems.push('cohorts');
  return { ok: problems.length === 0, problems };
}
