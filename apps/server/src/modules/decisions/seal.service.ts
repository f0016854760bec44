// Sealing a meeting and checking a seal (issue 14 §5, M-35). Sealing needs attendance recorded and every item
// closed; the canonical record (seal-record.ts) is hashed, the digest signed with the installation's key together
// with the unit's chain position and the previous seal's digest, and stored in an append-only table; from then on
// the database refuses any change to the meeting's rows. Checking recomputes the record from the rows and names any
// field that differs, verifies the signature with the public key, and the link to the previous seal.
import type { AppContext } from '../../platform/context.js';
import type { Auth } from '../../platform/auth/index.js';
import { SUITES, verifyProof, type DigestAlgorithm } from '../../platform/crypto/index.js';
import { conflict, notFound } from '../../platform/http/index.js';
import { appendTimeline } from '../../platform/dossier/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';
import { refreshDecisionFindings } from './decisions.findings.js';
import { differences, digestOf, sealRecord } from './seal-record.js';

export interface SealPayload {
  meetingId: number;
  orgId: number;
  seq: number;
  prevDigest: string | null;
  algorithm: string;
  digest: string;
  sealedAt: string;
}

export async function sealMeeting(ctx: AppContext, actor: Actor, auth: Auth, id: number) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const m = await w.trx.selectFrom('meetings').select(['org_id']).where('id', '=', id).executeTakeFirst();
    if (!m) throw notFound();
    // One sealer per unit at a time: the chain position is read and taken under the unit's row lock.
    await w.trx.selectFrom('orgs').select('id').where('id', '=', m.org_id).forUpdate().execute();
    const done = await w.trx.selectFrom('meeting_seals').select('seq').where('meeting_id', '=', id).executeTakeFirst();
    if (done) throw conflict('ALREADY_SEALED', '该会议记录已封存', 'This meeting is already sealed');
    const record = await sealRecord(w.trx, id);
    if (record.members.some((x) => x.attended === null))
      throw conflict('ATTENDANCE_MISSING', '请先登记全体成员的到会情况', 'Record every member’s attendance first');
    if (!record.items.length)
      throw conflict('NO_ITEMS', '会议没有议题，不能封存', 'A meeting without items cannot be sealed');
    const open = record.items.filter((i) => i.status === 'open').length;
    if (open) throw conflict('ITEMS_OPEN', `还有 ${open} 个议题未结束，不能封存`, `${open} item(s) are still open`);
    const prev = await w.trx
      .selectFrom('meeting_seals')
      .select(['seq', 'digest'])
      .where('org_id', '=', m.org_id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const payload: SealPayload = {
      meetingId: id,
      orgId: m.org_id,
      seq: (prev?.seq ?? 0) + 1,
      prevDigest: prev?.digest ?? null,
      algorithm: SUITES[ctx.signer.suite].digest,
      digest: digestOf(ctx.signer, record),
      sealedAt: w.now.toISOString(),
    };
    const proof = ctx.signer.sign(payload);
    await w.trx
      .insertInto('meeting_seals')
      .values({
        meeting_id: id,
        org_id: m.org_id,
        seq: payload.seq,
        prev_digest: payload.prevDigest,
        algorithm: payload.algorithm,
        digest: payload.digest,
        record: JSON.stringify(record),
        signature: proof.signature,
        key_id: proof.keyId,
        sealed_at: w.now,
        sealed_by: auth.accountId,
      })
      .execute();
    w.record({
      action: 'meeting.seal',
      entity: 'meeting',
      entityId: id,
      detail: { seq: payload.seq, digest: payload.digest },
    });
    // The dossier of each member who proposed an item (a deemed proposal is the chair's by default, not a proposal).
    const proposed = await w.trx
      .selectFrom('meeting_items as i')
      .innerJoin('meetings as mt', 'mt.id', 'i.meeting_id')
      .select(['i.id', 'i.title', 'i.status', 'i.proposer_cadre_id', 'mt.held_on'])
      .where('i.meeting_id', '=', id)
      .where('i.proposer_deemed', '=', false)
      .execute();
    await appendTimeline(
      w,
      proposed.map((i) => ({
        cadreId: i.proposer_cadre_id,
        occurredOn: i.held_on,
        eventType: 'decisions.proposed' as const,
        sourceModule: 'decisions',
        summary: `提出议题「${i.title}」，${i.status === 'decided' ? '会议作出决定' : '暂缓表决'}`,
        refEntity: 'meeting',
        refId: id,
      })),
    );
    await refreshDecisionFindings(ctx, w, m.org_id); // M-33: a required recording missing is final once sealed
    return { seq: payload.seq, digest: payload.digest, prevDigest: payload.prevDigest };
  });
}

/** The stored seal's payload, as it was signed. */
export const payloadOf = (s: {
  meeting_id: number;
  org_id: number;
  seq: number;
  prev_digest: string | null;
  algorithm: string;
  digest: string;
  sealed_at: Date;
}): SealPayload => ({
  meetingId: s.meeting_id,
  orgId: s.org_id,
  seq: s.seq,
  prevDigest: s.prev_digest,
  algorithm: s.algorithm,
  digest: s.digest,
  sealedAt: new Date(s.sealed_at).toISOString(),
});

export async function checkSeal(ctx: AppContext, actor: Actor, id: number) {
  const s = await ctx.db.selectFrom('meeting_seals').selectAll().where('meeting_id', '=', id).executeTakeFirst();
  await recordRead(ctx.db, ctx.clock, actor, { action: 'meeting.seal_check', entity: 'meeting', entityId: id });
  if (!s) return { sealed: false as const };
  const [now, prev] = await Promise.all([
    sealRecord(ctx.db, id),
    s.seq > 1
      ? ctx.db
          .selectFrom('meeting_seals')
          .select('digest')
          .where('org_id', '=', s.org_id)
          .where('seq', '=', s.seq - 1)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const payload = payloadOf(s);
  const stored = s.record as unknown;
  const changed = differences(stored, now);
  const checks = {
    /** The stored record still hashes to the signed digest. */
    digest: digestOf(s.algorithm as DigestAlgorithm, stored) === s.digest,
    signature: verifyProof(
      { payload, signature: s.signature, algorithm: ctx.signer.algorithm, keyId: s.key_id },
      ctx.signer.publicKeyPem,
    ),
    chain: s.seq === 1 ? s.prev_digest === null : prev?.digest === s.prev_digest,
    /** Paths where the meeting's rows now differ from the sealed record. */
    changed,
  };
  return {
    sealed: true as const,
    ...payload,
    keyId: s.key_id,
    intact: checks.digest && checks.signature && checks.chain && changed.length === 0,
    checks,
  };
}
