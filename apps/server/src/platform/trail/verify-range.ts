// The two halves of verifying the trail (issue 12 §9), so that the expensive one can run in worker threads:
// - checkRange: one range of seq on its own — each row's keyed hash recomputed from its content and its *stored*
//   prev_hash, the links and gaps between rows of the range, the checkpointed hash. Needs nothing from other ranges.
// - RangeMerger: the ranges' results in seq order — the link from the previous range's last row to this range's first
//   one (gap, prev_hash), then the range's own first break. What it reports is what one pass in seq order reports:
//   the break with the lowest seq, with the rows verified before it, whatever order the ranges finish in.
import type { Kysely, Selectable } from 'kysely';
import type { DB, TrailTable } from '../db/index.js';
import type { DigestAlgorithm } from '../crypto/suites.js';
import { rowHash } from './hash.js';

export type BreakKind = 'forged' | 'edited' | 'missing' | 'truncated' | 'checkpoint';
export type TrailRow = Omit<Selectable<TrailTable>, 'txid'>;

/** Everything a range check needs besides its rows; `cp` is the latest checkpoint (seq as a decimal string). */
export interface RangeContext {
  key: Buffer;
  keyedFrom: bigint;
  hash: DigestAlgorithm;
  cp: { seq: bigint; hash: string } | null;
}

export interface RangeBreak {
  seq: string;
  kind: BreakKind;
  reason: string;
}

/** What a range reports: its first and last rows (for the links to its neighbours) and its first break, if any. */
export interface RangeResult {
  first: { seq: string; prevHash: string } | null;
  last: { seq: string; hash: string } | null;
  /** Rows that passed, before `fail` if there is one. */
  rows: number;
  fail: RangeBreak | null;
}

// What the hash covers and the chain links, and nothing else (not txid): each column read costs at 5 million rows.
const COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'client_ip',
  'detail',
  'prev_hash',
  'hash',
] as const;

/** Keyset pages of `batch` rows with from ≤ seq ≤ to, the next one asked for before this one is checked. */
export async function* pages(db: Kysely<DB>, from: bigint, to: bigint, batch: number): AsyncGenerator<TrailRow[]> {
  const fetch = (start: bigint) =>
    db
      .selectFrom('trail')
      .select(COLUMNS)
      .where('seq', '>=', start.toString())
      .where('seq', '<=', to.toString())
      .orderBy('seq')
      .limit(batch)
      .execute();
  let next = fetch(from);
  try {
    for (;;) {
      const page = await next;
      const more = page.length === batch;
      if (more) next = fetch(BigInt(page[page.length - 1].seq) + 1n);
      yield page;
      if (!more) return;
    }
  } finally {
    await next.catch(() => null); // leave no query running behind the answer
  }
}

export const gapKind = (ctx: RangeContext, expect: bigint): RangeBreak =>
  ctx.cp && expect <= ctx.cp.seq
    ? {
        seq: expect.toString(),
        kind: 'truncated',
        reason: `row ${expect} is missing (checkpointed up to ${ctx.cp.seq})`,
      }
    : { seq: expect.toString(), kind: 'missing', reason: `row ${expect} is missing` };

// A row the checkpoint covered was verified intact when it was checkpointed: a break there is an edit.
export const changed = (ctx: RangeContext, seq: bigint): BreakKind =>
  ctx.cp && seq <= ctx.cp.seq ? 'edited' : 'forged';

/** Checks the rows of one range, in seq order, and stops at its first break. */
export async function checkRange(ctx: RangeContext, rows: AsyncIterable<TrailRow[]>): Promise<RangeResult> {
  const { key, keyedFrom, hash, cp } = ctx;
  const out: RangeResult = { first: null, last: null, rows: 0, fail: null };
  let expect = -1n; // unknown until the first row: the link into the range is the merger's to check
  let prev = '';
  const check = (r: TrailRow): RangeBreak | null => {
    const seq = BigInt(r.seq);
    if (expect < 0n) out.first = { seq: r.seq, prevHash: r.prev_hash };
    else if (seq !== expect) return gapKind(ctx, expect);
    else if (r.prev_hash !== prev)
      return { seq: r.seq, kind: changed(ctx, seq), reason: 'prev_hash does not match the previous row' };
    const keyed = seq >= keyedFrom;
    if (rowHash(r.prev_hash, r, keyed ? key : null, hash) !== r.hash) {
      const plain = keyed && rowHash(r.prev_hash, r, null, hash) === r.hash;
      return {
        seq: r.seq,
        kind: changed(ctx, seq),
        reason: plain
          ? 'hashed with plain SHA-256, without the trail key'
          : `content does not match its ${keyed ? 'keyed ' : ''}hash`,
      };
    }
    if (cp && seq === cp.seq && r.hash !== cp.hash) {
      return {
        seq: r.seq,
        kind: 'truncated',
        reason: `row ${seq} no longer holds the checkpointed hash (the end was cut and written again)`,
      };
    }
    prev = r.hash;
    expect = seq + 1n;
    out.last = { seq: r.seq, hash: r.hash };
    out.rows++;
    return null;
  };
  for await (const page of rows) {
    for (const r of page) {
      out.fail = check(r);
      if (out.fail) return out;
    }
  }
  return out;
}

/**
 * Takes range results in any order (index = the range's place in seq order) and walks them in order from the start
 * point. `done` is set once the answer is known: the first break, or every range merged.
 */
export class RangeMerger {
  private readonly waiting = new Map<number, RangeResult>();
  private nextIndex = 0;
  expect: bigint;
  prev: string;
  rows = 0;
  fail: RangeBreak | null = null;

  constructor(
    private readonly ctx: RangeContext,
    start: { expect: bigint; prev: string },
    private readonly count: number,
  ) {
    this.expect = start.expect;
    this.prev = start.prev;
  }

  get done(): boolean {
    return this.fail !== null || this.nextIndex >= this.count;
  }

  /** No range after this index can change the answer (one before it broke, or one at it did). */
  get lowestBreak(): number {
    let low = this.count;
    for (const [i, r] of this.waiting) if (r.fail && i < low) low = i;
    return low;
  }

  add(index: number, r: RangeResult): void {
    this.waiting.set(index, r);
    while (!this.done && this.waiting.has(this.nextIndex)) {
      const next = this.waiting.get(this.nextIndex)!;
      this.waiting.delete(this.nextIndex++);
      this.fail = this.link(next);
    }
  }

  private link(r: RangeResult): RangeBreak | null {
    if (r.first) {
      const seq = BigInt(r.first.seq);
      if (seq !== this.expect) return gapKind(this.ctx, this.expect);
      if (r.first.prevHash !== this.prev)
        return { seq: r.first.seq, kind: changed(this.ctx, seq), reason: 'prev_hash does not match the previous row' };
    }
    this.rows += r.rows;
    if (r.fail) return r.fail;
    if (r.last) {
      this.expect = BigInt(r.last.seq) + 1n;
      this.prev = r.last.hash;
    }
    return null;
  }
}
