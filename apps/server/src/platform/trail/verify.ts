// Walks the trail in seq order, in pages (bounded memory), and names the first row whose chain or content does not
// hold. issue 11 §1: checked against the key and against the latest signed checkpoint, and each break has a kind:
// - forged: a row after the checkpoint whose hash is not the keyed HMAC (e.g. a plain SHA-256: made without the key);
// - edited: a row the checkpoint covered (it was verified intact when checkpointed) that no longer matches;
// - missing: a gap in seq with rows after it;
// - truncated: rows at or before the checkpointed seq are gone, the checkpointed hash is no longer at that seq, or
//   trail_head disagrees with the last row.
// issue 12 §9: the rows are checked in ranges of seq (verify-range.ts), in worker threads on PostgreSQL when `parallel`
// names the server (verify-parallel.ts), and the ranges linked in order, so the answer is the one pass in seq order gives.
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import { trailKeyOf, type TrailKey } from './trail-key.service.js';
import type { BreakKind } from './verify-range.js';
import { runRanges, type ParallelOptions } from './verify-parallel.js';

export type { BreakKind } from './verify-range.js';

/** A point of the chain known to be good: the latest checkpoint, or where an earlier verification stopped. */
export interface Anchor {
  seq: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; rows: number; headSeq: string; headHash: string; checkpointSeq: string | null }
  | { ok: false; rows: number; firstBrokenSeq: string; kind: BreakKind; reason: string; checkpointSeq: string | null };

export interface VerifyOptions {
  /** Default: the key boot() registered for this database handle. */
  key?: TrailKey;
  /** The latest checkpoint: the trail must still reach it, with its hash at its seq. */
  checkpoint?: Anchor | null;
  /** Start after this verified point instead of at row 1 (the checkpointer checks only what is new). */
  after?: Anchor | null;
  batch?: number;
  /** Worker threads over ranges of seq (PostgreSQL: its connection string); default one range after another here. */
  parallel?: ParallelOptions;
}

export async function verifyTrail(db: Kysely<DB>, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const { key, keyedFrom, hash } = opts.key ?? trailKeyOf(db);
  const batch = opts.batch ?? 5000;
  const cp = opts.checkpoint ? { seq: BigInt(opts.checkpoint.seq), hash: opts.checkpoint.hash } : null;
  const checkpointSeq = cp ? cp.seq.toString() : null;
  let expectSeq = 1n;
  let prev = 'GENESIS';
  let rows = 0;
  const broken = (seq: bigint, kind: BreakKind, reason: string): VerifyResult => ({
    ok: false,
    rows,
    firstBrokenSeq: seq.toString(),
    kind,
    reason,
    checkpointSeq,
  });
  if (opts.after && opts.after.seq !== '0') {
    const at = await db.selectFrom('trail').select('hash').where('seq', '=', opts.after.seq).executeTakeFirst();
    if (at?.hash !== opts.after.hash) {
      return broken(
        BigInt(opts.after.seq),
        'truncated',
        `row ${opts.after.seq} no longer holds the hash verified and checkpointed before`,
      );
    }
    expectSeq = BigInt(opts.after.seq) + 1n;
    prev = opts.after.hash;
  }
  // The head first: every row up to it has committed, and rows appended while we read (a live server) come after it.
  const head = await db.selectFrom('trail_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const end = BigInt(head.seq);
  const ctx = { key, keyedFrom, hash, cp };
  const m = await runRanges(db, { ctx, start: { expect: expectSeq, prev }, end, batch }, opts.parallel);
  rows = m.rows;
  if (m.fail) return broken(BigInt(m.fail.seq), m.fail.kind, m.fail.reason);
  expectSeq = m.expect;
  prev = m.prev;
  const last = expectSeq - 1n;
  if (cp && last < cp.seq) {
    return broken(expectSeq, 'truncated', `the trail ends at row ${last}, but a checkpoint recorded row ${cp.seq}`);
  }
  if (last !== end || head.hash !== prev) {
    return broken(
      expectSeq,
      'truncated',
      last < end
        ? 'rows after this one are missing (head is ahead)'
        : `trail_head does not hold the hash of row ${last}`,
    );
  }
  return { ok: true, rows, headSeq: last.toString(), headHash: prev, checkpointSeq };
}
