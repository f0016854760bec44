// The proposer's signature on an emergency decision (issue 14 §4, M-34: 由提议人签字): the proposer alone, in person —
// the password or a fresh one-time code again — once, over the digest of the written record as it stands.
import type { z } from 'zod';
import { signInPerson } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/http/index.js';
import type { Actor } from '../../platform/trail/index.js';
import type { itemSign } from './opinions.schema.js';
import { digestOf } from './seal-record.js';
import { notSigner } from './signatures.service.js';

const alreadySigned = () => conflict('ALREADY_SIGNED', '提议人已签名', 'The proposer has already signed');

export async function signEmergency(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof itemSign>) {
  const e = await ctx.db
    .selectFrom('emergency_decisions')
    .select(['id', 'org_id', 'kind', 'title', 'category', 'decided_on', 'recorded_on', 'reason', 'content'])
    .select('proposer_cadre_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const signed = () =>
    ctx.db.selectFrom('emergency_signatures').select('emergency_id').where('emergency_id', '=', id).executeTakeFirst();
  return signInPerson(ctx, actor, input, {
    refusal: () =>
      notSigner('只有该临时决策的提议人本人可以签名，不能代签', 'Only the proposer may sign, for themselves'),
    may: async (cadreId) => {
      if (cadreId !== e.proposer_cadre_id) return false;
      if (await signed()) throw alreadySigned();
      return true;
    },
    sign: async (w, { accountId, method }) => {
      const digest = digestOf(ctx.signer, e);
      const r = await w.trx
        .insertInto('emergency_signatures')
        .values({
          emergency_id: id,
          cadre_id: e.proposer_cadre_id,
          account_id: accountId,
          method,
          digest,
          signed_at: w.now,
        })
        .onConflict((oc) => oc.column('emergency_id').doNothing())
        .returning('emergency_id')
        .executeTakeFirst();
      if (!r) throw alreadySigned(); // a second request at the same moment
      w.record({ action: 'emergency.sign', entity: 'emergency_decision', entityId: id, detail: { method, digest } });
      return { id, method, digest, signedAt: w.now.toISOString() };
    },
  });
}
