// Verifying every unit's chain of seals (issue 14 §5, M-35; `npm run verify-seals`): each stored record still hashes
// to its signed digest (with the algorithm it was sealed with), each seal's signature holds under the installation's
// key, and each unit's seals run 1, 2, 3 … with every link naming the digest of the one before. Read in pages in
// (unit, seq) order, so a hundred thousand sealed items never sit in memory at once. Names each broken seal.
import type { Kysely } from 'kysely';
import { verifyProof, type DigestAlgorithm, type Signer } from '../../platform/crypto/index.js';
import type { DB } from '../../platform/db/index.js';
import { payloadOf } from './seal.service.js';
import { digestOf } from './seal-record.js';

export interface BrokenSeal {
  meetingId: number;
  orgId: number;
  seq: number;
  /** What does not hold: the record's digest, the signature, or the link to the unit's previous seal. */
  what: Array<'digest' | 'signature' | 'chain'>;
}
export interface SealChainsCheck {
  ok: boolean;
  units: number;
  seals: number;
  items: number;
  /** The first `limit` broken seals, in (unit, seq) order. */
  broken: BrokenSeal[];
}

export async function verifySealChains(
  db: Kysely<DB>,
  signer: Pick<Signer, 'publicKeyPem' | 'algorithm'>,
  opts: { batch?: number; limit?: number } = {},
): Promise<SealChainsCheck> {
  const batch = opts.batch ?? 500;
  const limit = opts.limit ?? 20;
  const out: SealChainsCheck = { ok: true, units: 0, seals: 0, items: 0, broken: [] };
  let after = { org: 0, seq: 0 };
  let prev: { org: number; seq: number; digest: string } | null = null;
  for (;;) {
    const rows = await db
      .selectFrom('meeting_seals')
      .selectAll()
      .where((eb) =>
        eb.or([eb('org_id', '>', after.org), eb.and([eb('org_id', '=', after.org), eb('seq', '>', after.seq)])]),
      )
      .orderBy('org_id')
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const s of rows) {
      const what: BrokenSeal['what'] = [];
      if (digestOf(s.algorithm as DigestAlgorithm, s.record) !== s.digest) what.push('digest');
      const proof = { payload: payloadOf(s), signature: s.signature, algorithm: signer.algorithm, keyId: s.key_id };
      if (!verifyProof(proof, signer.publicKeyPem)) what.push('signature');
      const first = prev?.org !== s.org_id;
      if (first) out.units++;
      const linked = first
        ? s.seq === 1 && s.prev_digest === null
        : s.seq === (prev?.seq ?? 0) + 1 && s.prev_digest === prev?.digest;
      if (!linked) what.push('chain');
      out.seals++;
      out.items += ((s.record as { items?: unknown[] }).items ?? []).length;
      if (what.length) {
        out.ok = false;
        if (out.broken.length < limit) out.broken.push({ meetingId: s.meeting_id, orgId: s.org_id, seq: s.seq, what });
      }
      prev = { org: s.org_id, seq: s.seq, digest: s.digest };
    }
    if (rows.length < batch) return out;
    const last = rows[rows.length - 1];
    after = { org: last.org_id, seq: last.seq };
  }
}
