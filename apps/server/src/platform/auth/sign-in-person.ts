// A signature in person (issue 14 §3–§7, M-33/M-34/M-37, `004` 谁决策、谁负责): the signer is the account linked to
// the cadre who must sign, nobody signs for another; who may sign is settled before the password is looked at (a
// wrong person learns nothing by guessing); the person confirms with the password or a fresh one-time code again;
// the code is spent in the same write that inserts the signature, so one code cannot sign twice.
import type { AppContext } from '../context.js';
import type { AppError } from '../http/errors.js';
import { write, type Actor, type WriteCtx } from '../trail/index.js';
import { confirmIdentity, spendTotpStep, type Confirmation, type Confirmed } from './confirm-identity.js';

export interface InPersonSigner {
  accountId: number;
  cadreId: number;
  method: Confirmed['method'];
}

export interface InPersonSignature<T> {
  /** Thrown when the caller is not a person who may sign this. */
  refusal: () => AppError;
  /** Whether this cadre may sign; may throw a clearer refusal (already signed, sealed, too early). */
  may: (cadreId: number) => boolean | Promise<boolean>;
  /** Inserts the signature inside the write (insert-once: a second request at the same moment must fail). */
  sign: (w: WriteCtx, signer: InPersonSigner) => Promise<T>;
}

/** The signed-in account and the cadre it is linked to (null for the system, or an account linked to no cadre). */
export async function signerOf(ctx: AppContext, actor: Actor) {
  const row = actor.accountId
    ? await ctx.db.selectFrom('accounts').select('cadre_id').where('id', '=', actor.accountId).executeTakeFirst()
    : undefined;
  return { accountId: actor.accountId, cadreId: row?.cadre_id ?? null };
}

export async function signInPerson<T>(
  ctx: AppContext,
  actor: Actor,
  given: Confirmation,
  how: InPersonSignature<T>,
): Promise<T> {
  const { accountId, cadreId } = await signerOf(ctx, actor);
  if (accountId === null || cadreId === null || !(await how.may(cadreId))) throw how.refusal();
  const { method, totpStep } = await confirmIdentity(ctx.db, ctx.box, accountId, actor.ip, given, ctx.clock.now());
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await spendTotpStep(w.trx, accountId, totpStep);
    return how.sign(w, { accountId, cadreId, method });
  });
}
