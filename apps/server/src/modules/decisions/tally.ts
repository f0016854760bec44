// Counting an item (M-32), in whole people so that a share landing exactly on a count is decided without doubt.
// Divergence: 不同意 + 保留 among the present members who may speak; reaching the setting exactly defers (`003` (十)).
// A candidate passes with more than half of the members who should attend (应到会成员) less the recused — not of
// those present: 5 of 9 agreeing passes, 4 of 9 does not, however many came.
const EPS = 1e-9;

export type Opinion = 'agree' | 'disagree' | 'reserve';
export type Vote = 'agree' | 'disagree' | 'defer';

export interface Divergence {
  dissent: number;
  voters: number;
  /** The threshold share, as set (M-32 divergenceShare). */
  threshold: number;
  /** dissent / voters has reached the threshold. */
  reached: boolean;
}

export function divergence(opinions: Opinion[], threshold: number): Divergence {
  const dissent = opinions.filter((o) => o !== 'agree').length;
  const voters = opinions.length;
  return { dissent, voters, threshold, reached: voters > 0 && dissent >= threshold * voters - EPS };
}

export interface Tally {
  agree: number;
  disagree: number;
  defer: number;
  /** 应到会成员 less the recused: the denominator. */
  base: number;
  /** The fewest agreeing votes that pass. */
  needed: number;
}

export function tally(votes: Vote[], base: number): Tally {
  const n = (v: Vote) => votes.filter((x) => x === v).length;
  return { agree: n('agree'), disagree: n('disagree'), defer: n('defer'), base, needed: Math.floor(base / 2) + 1 };
}

/** Passed with a majority of the base; else 缓议 when deferring outweighs refusing; else not passed. */
export function candidateResult(t: Tally): 'passed' | 'rejected' | 'deferred' {
  if (t.agree >= t.needed) return 'passed';
  return t.defer > t.disagree ? 'deferred' : 'rejected';
}
