// Walks the trail in seq order, in pages (bounded memory), and names the first row whose chain or content does not
// hold. issue 11 §1: checked against the key and against the latest signed checkpoint, and each break has a kind:
// - forged: a row after the checkpoint whose hash is not the keyed HMAC (e.g. a plain SHA-256: made without the key);
// - edited: a row the checkpoint covered (it was verified intact when checkpointed) that no longer matches;
// - missing: a gap in seq with rows after it;
// - truncated: rows at or before the checkpointed seq are gone, the checkpointed hash is no longer at that seq, or
//   trail_head disagrees with the last row.
import type { Kysely, Selectable } from 'kysely';
import type { DB, TrailTable } from '../db/index.js';
import { rowHash } from './hash.js';
import { trailKeyOf, type TrailKey } from './trail-key.service.js';

export type BreakKind = 'forged' | 'edited' | 'missing' | 'truncated' | 'checkpoint';

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

export async function verifyTrail(db: Kysely<DB>, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const { key, keyedFrom } = opts.key ?? trailKeyOf(db);
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
  // A row the checkpoint covered was verified intact when it was checkpointed: a break there is an edit.
  const changed = (seq: bigint) => (cp && seq <= cp.seq ? 'edited' : 'forged');
  const check = (r: Omit<Selectable<TrailTable>, 'txid'>): VerifyResult | null => {
    const seq = BigInt(r.seq);
    if (seq !== expectSeq) {
      if (cp && expectSeq <= cp.seq)
        return broken(expectSeq, 'truncated', `row ${expectSeq} is missing (checkpointed up to ${cp.seq})`);
      return broken(expectSeq, 'missing', `row ${expectSeq} is missing`);
    }
    if (r.prev_hash !== prev) return broken(seq, changed(seq), 'prev_hash does not match the previous row');
    const keyed = seq >= keyedFrom;
    if (rowHash(prev, r, keyed ? key : null) !== r.hash) {
      const plain = keyed && rowHash(prev, r, null) === r.hash;
      return broken(
        seq,
        changed(seq),
        plain
          ? 'hashed with plain SHA-256, without the trail key'
          : `content does not match its ${keyed ? 'keyed ' : ''}hash`,
      );
    }
    if (cp && seq === cp.seq && r.hash !== cp.hash) {
      return broken(
        seq,
        'truncated',
        `row ${seq} no longer holds the checkpointed hash (the end was cut and written again)`,
      );
    }
    prev = r.hash;
    expectSeq = seq + 1n;
    rows++;
    return null;
  };
  // The head first: every row up to it has committed, and rows appended while we read (a live server) come after it.
  const head = await db.selectFrom('trail_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const end = BigInt(head.seq);
  // Keyset pages of `batch` rows (bounded memory), the next one asked for before this one is checked, so the database
  // reads while this process hashes.
  const fetch = (from: bigint) =>
    db
      .selectFrom('trail')
      .select(COLUMNS)
      .where('seq', '>=', from.toString())
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(batch)
      .execute();
  let next = fetch(expectSeq);
  for (;;) {
    const page = await next;
    const more = page.length === batch;
    if (more) next = fetch(BigInt(page[page.length - 1].seq) + 1n);
    for (const r of page) {
      const fail = check(r);
      if (fail) {
        if (more) await next.catch(() => null); // leave no query running behind the answer
        return fail;
      }
    }
    if (!more) break;
  }
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
