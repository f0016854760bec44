// Sealed addenda (issue 14 §5, M-35): a sealed record never changes, so a correction is an addendum to it — the reason
// and what the record should have said — itself sealed like the record: its content hashed, the digest signed with
// the installation's key together with its number and the digest it follows (the meeting's seal for the first, the
// previous addendum after that). The archive carries them; the verifiers check each one and its link.
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Auth } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { SUITES, type Signer } from '../../platform/crypto/index.js';
import type { DB } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/http/index.js';
import { write, type Actor } from '../../platform/trail/index.js';
import type { addendumBody } from './meetings.schema.js';
import { digestOf } from './seal-record.js';

export interface AddendumPayload {
  meetingId: number;
  n: number;
  prevDigest: string;
  algorithm: string;
  digest: string;
  createdAt: string;
}
/** What an addendum's digest covers. */
export const addendumContent = (a: { meetingId: number; n: number; reason: string; correction: string }) => ({
  meetingId: a.meetingId,
  n: a.n,
  reason: a.reason,
  correction: a.correction,
});

export async function addAddendum(
  ctx: AppContext,
  actor: Actor,
  auth: Auth,
  meetingId: number,
  input: z.infer<typeof addendumBody>,
) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const m = await w.trx.selectFrom('meetings').select('org_id').where('id', '=', meetingId).executeTakeFirst();
    if (!m) throw notFound();
    await w.trx.selectFrom('orgs').select('id').where('id', '=', m.org_id).forUpdate().execute(); // one at a time
    const seal = await w.trx
      .selectFrom('meeting_seals')
      .select('digest')
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!seal)
      throw conflict(
        'NOT_SEALED',
        '会议记录尚未封存，可直接修改，无需补充更正',
        'The record is not sealed yet: correct it directly',
      );
    const last = await w.trx
      .selectFrom('meeting_addenda')
      .select(['n', 'digest'])
      .where('meeting_id', '=', meetingId)
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirst();
    const n = (last?.n ?? 0) + 1;
    const payload: AddendumPayload = {
      meetingId,
      n,
      prevDigest: last?.digest ?? seal.digest,
      algorithm: SUITES[ctx.signer.suite].digest,
      digest: digestOf(ctx.signer, addendumContent({ meetingId, n, ...input })),
      createdAt: w.now.toISOString(),
    };
    const proof = ctx.signer.sign(payload);
    await w.trx
      .insertInto('meeting_addenda')
      .values({
        meeting_id: meetingId,
        n,
        reason: input.reason,
        correction: input.correction,
        prev_digest: payload.prevDigest,
        algorithm: payload.algorithm,
        digest: payload.digest,
        signature: proof.signature,
        key_id: proof.keyId,
        created_at: w.now,
        created_by: auth.accountId,
      })
      .execute();
    w.record({
      action: 'meeting.addendum',
      entity: 'meeting',
      entityId: meetingId,
      detail: { n, digest: payload.digest },
    });
    return { n, digest: payload.digest, prevDigest: payload.prevDigest };
  });
}

/** A meeting's addenda in order, with the signed payload of each (for the page and the archive). */
export async function addendaOf(ctx: Pick<AppContext, 'db' | 'signer'>, meetingId: number) {
  const rows = await ctx.db
    .selectFrom('meeting_addenda')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('n')
    .execute();
  return rows.map((a) => addendumOf(a, ctx.signer.algorithm));
}

/** A stored addendum as what its digest covers and the proof that was signed (the page, the archive, verify-seals). */
export function addendumOf(a: Selectable<DB['meeting_addenda']>, algorithm: Signer['algorithm']) {
  return {
    content: addendumContent({ meetingId: a.meeting_id, n: a.n, reason: a.reason, correction: a.correction }),
    proof: {
      payload: {
        meetingId: a.meeting_id,
        n: a.n,
        prevDigest: a.prev_digest,
        algorithm: a.algorithm,
        digest: a.digest,
        createdAt: new Date(a.created_at).toISOString(),
      } satisfies AddendumPayload,
      signature: a.signature,
      algorithm,
      keyId: a.key_id,
    },
  };
}
