// Verifying every unit's chain of seals (issue 14 §5, M-35; `npm run verify-seals`): each stored record still hashes
// to its signed digest (with the algorithm it was sealed with), each seal's signature holds under the installation's
// key, and each unit's seals run 1, 2, 3 … with every link naming the digest of the one before. Read in pages in
// (unit, seq) order, so a hundred thousand sealed items never sit in memory at once. Each seal's addenda are checked
// with it: content against digest, signature, numbers 1, 2, 3 … and the link to the seal or the addendum before.
// Names each broken seal.
import type { Kysely, Selectable } from 'kysely';
import { verifyProof, type DigestAlgorithm, type Signer } from '../../platform/crypto/index.js';
import type { DB } from '../../platform/db/index.js';
import { addendumOf } from './addenda.service.js';
import { payloadOf } from './seal.service.js';
import { digestOf } from './seal-record.js';

export interface BrokenSeal {
  meetingId: number;
  orgId: number;
  seq: number;
  /** What does not hold: the record's digest, the signature, or the link to the unit's previous seal. */
  what: Array<'digest' | 'signature' | 'chain' | 'addenda'>;
  /** The numbers of the seal's addenda that do not hold, when `what` has 'addenda'. */
  addenda?: number[];
}
export interface SealChainsCheck {
  ok: boolean;
  units: number;
  seals: number;
  items: number;
  addenda: number;
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
  const out: SealChainsCheck = { ok: true, units: 0, seals: 0, items: 0, addenda: 0, broken: [] };
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
    const addenda = rows.length
      ? await db
          .selectFrom('meeting_addenda')
          .selectAll()
          .where(
            'meeting_id',
            'in',
            rows.map((s) => s.meeting_id),
          )
          .orderBy('meeting_id')
          .orderBy('n')
          .execute()
      : [];
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
      const own = addenda.filter((a) => a.meeting_id === s.meeting_id);
      out.addenda += own.length;
      const bad = brokenAddenda(s.digest, own, signer);
      if (bad.length) what.push('addenda');
      out.seals++;
      out.items += ((s.record as { items?: unknown[] }).items ?? []).length;
      if (what.length) {
        out.ok = false;
        const b: BrokenSeal = { meetingId: s.meeting_id, orgId: s.org_id, seq: s.seq, what };
        if (bad.length) b.addenda = bad;
        if (out.broken.length < limit) out.broken.push(b);
      }
      prev = { org: s.org_id, seq: s.seq, digest: s.digest };
    }
    if (rows.length < batch) return out;
    const last = rows[rows.length - 1];
    after = { org: last.org_id, seq: last.seq };
  }
}

/** The numbers of a seal's addenda (in order) whose content, signature, number or link does not hold. */
function brokenAddenda(
  sealDigest: string,
  rows: Array<Selectable<DB['meeting_addenda']>>,
  signer: Pick<Signer, 'publicKeyPem' | 'algorithm'>,
) {
  const bad: number[] = [];
  let prev = sealDigest;
  rows.forEach((row, i) => {
    const { content, proof } = addendumOf(row, signer.algorithm);
    const holds =
      row.n === i + 1 &&
      row.prev_digest === prev &&
      digestOf(row.algorithm as DigestAlgorithm, content) === row.digest &&
      verifyProof(proof, signer.publicKeyPem);
    if (!holds) bad.push(row.n);
    prev = row.digest;
  });
  return bad;
}
