// Walks the trail in seq order and names the first row whose chain or content does not hold.
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import { rowHash } from './hash.js';

export type VerifyResult =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; firstBrokenSeq: string; reason: string };

export async function verifyTrail(db: Kysely<DB>, batch = 5000): Promise<VerifyResult> {
  let expectSeq = 1n;
  let prev = 'GENESIS';
  let rows = 0;
  for (;;) {
    const page = await db.selectFrom('trail').selectAll().where('seq', '>=', expectSeq.toString())
      .orderBy('seq').limit(batch).execute();
    for (const r of page) {
      const seq = BigInt(r.seq);
      const fail = (reason: string): VerifyResult => ({ ok: false, rows, firstBrokenSeq: seq.toString(), reason });
      if (seq !== expectSeq) {
        return { ok: false, rows, firstBrokenSeq: expectSeq.toString(), reason: `row ${expectSeq} is missing` };
      }
      if (r.prev_hash !== prev) return fail('prev_hash does not match the previous row');
      const hash = rowHash(prev, {
        seq: r.seq, at: r.at, actor_id: r.actor_id, actor_name: r.actor_name, action: r.action, entity: r.entity,
        entity_id: r.entity_id, client_ip: r.client_ip, detail: r.detail,
      });
      if (hash !== r.hash) return fail('content does not match its hash');
      prev = r.hash;
      expectSeq = seq + 1n;
      rows++;
    }
    if (page.length < batch) break;
  }
  const head = await db.selectFrom('trail_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (BigInt(head.seq) !== expectSeq - 1n || head.hash !== prev) {
    return { ok: false, rows, firstBrokenSeq: expectSeq.toString(), reason: 'rows after this one are missing (head is ahead)' };
  }
  return { ok: true, rows, headHash: prev };
}
