// Signatures on a closed agenda item (issue 14 §3, M-33, `004` 谁决策、谁负责): the proposer and the chair each
// confirm in person — the password or a fresh one-time code again — and the signature keeps the time and the digest
// of the item's record they saw. Nobody signs for another: the signer is the account linked to that cadre, and a
// deemed proposer is the chair, who then signs once in both capacities. The seal covers the signatures.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { signInPerson } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Signer } from '../../platform/crypto/index.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict } from '../../platform/http/index.js';
import type { Actor } from '../../platform/trail/index.js';
import { loadItem } from './item-facts.js';
import type { itemSign } from './opinions.schema.js';
import { digestOf, sealRecord } from './seal-record.js';

type Capacity = 'proposer' | 'chair';
export const notSigner = (
  zh = '只有本议题的提议人和会议主持人本人可以签名，不能代签',
  en = 'Only the item’s proposer and the meeting’s chair may sign, each for themselves',
) => new AppError(403, 'NOT_SIGNER', zh, en);

/** The digest of the item's canonical record as the seal will hold it, without its signatures. */
export async function itemDigest(db: Kysely<DB>, signer: Signer, meetingId: number, itemId: number): Promise<string> {
  const record = await sealRecord(db, meetingId);
  const { signatures, ...item } = record.items.find((i) => i.id === itemId) ?? {};
  return digestOf(signer, item);
}

export async function signItem(ctx: AppContext, actor: Actor, itemId: number, input: z.infer<typeof itemSign>) {
  const pre = await ctx.db
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .leftJoin('meeting_seals as s', 's.meeting_id', 'm.id')
    .select(['i.status', 'i.proposer_cadre_id', 'm.chair_cadre_id', 's.meeting_id as sealed'])
    .where('i.id', '=', itemId)
    .executeTakeFirstOrThrow();
  let capacities: Capacity[] = [];
  return signInPerson(ctx, actor, input, {
    refusal: () => notSigner(),
    may: (cadreId) => {
      capacities = capacitiesOf(cadreId, pre.proposer_cadre_id, pre.chair_cadre_id);
      if (!capacities.length) return false;
      if (pre.sealed !== null)
        throw conflict(
          'RECORD_SEALED',
          '会议记录已封存，不能再签名',
          'The meeting is sealed; nothing can be signed now',
        );
      if (pre.status === 'open')
        throw conflict('ITEM_OPEN', '议题表决结束后才能签名', 'An item is signed once it is closed');
      return true;
    },
    sign: async (w, { accountId, cadreId, method }) => {
      const f = await loadItem(w.trx, itemId);
      const done = await w.trx.selectFrom('item_signatures').select('capacity').where('item_id', '=', itemId).execute();
      const todo = capacities.filter((c) => !done.some((d) => d.capacity === c));
      if (!todo.length) throw conflict('ALREADY_SIGNED', '您已签过名', 'You have already signed this item');
      const digest = await itemDigest(w.trx, ctx.signer, f.meetingId, itemId);
      await w.trx
        .insertInto('item_signatures')
        .values(
          todo.map((capacity) => ({
            item_id: itemId,
            capacity,
            cadre_id: cadreId,
            account_id: accountId,
            method,
            digest,
            signed_at: w.now,
          })),
        )
        .execute();
      w.record({
        action: 'meeting_item.sign',
        entity: 'meeting_item',
        entityId: itemId,
        detail: { capacities: todo, method, digest },
      });
      return { itemId, capacities: todo, method, digest, signedAt: w.now.toISOString() };
    },
  });
}

/** What this cadre is to the item: its proposer, the chair, or both (a deemed proposer is the chair). */
export function capacitiesOf(cadreId: number | null, proposer: number, chair: number): Capacity[] {
  if (cadreId === null) return [];
  return [...(cadreId === proposer ? ['proposer' as const] : []), ...(cadreId === chair ? ['chair' as const] : [])];
}
