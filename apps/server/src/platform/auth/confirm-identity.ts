// A confirmation by the person (issue 14 §3, M-33): before a signature, the signed-in account gives its password or a
// fresh one-time code again, so that a session left open is not enough to sign in someone's name. Failures count
// against the same limits as logins (login-throttle.ts): a stolen session cannot guess the password here either.
import type { Kysely, Transaction } from 'kysely';
import type { SecretBox } from '../crypto/index.js';
import type { DB } from '../db/index.js';
import { AppError } from '../http/errors.js';
import { admitAttempt, attemptSucceeded, lockedError, loginSubjects, withdrawAttempt } from './login-throttle.js';
import { verifyPassword } from './password.js';
import { checkTotp } from './totp.js';

export interface Confirmation {
  password?: string;
  totp?: string;
}

export interface Confirmed {
  method: 'password' | 'totp';
  /** The one-time code's step, to be spent by spendTotpStep in the write it confirms. */
  totpStep: number | null;
}
const badTotp = () => new AppError(401, 'BAD_TOTP', '动态验证码错误或已使用', 'Wrong or already used one-time code');

/** How the person confirmed: 'password' or 'totp'. Throws 401 (wrong), 429 (too many failures). */
export async function confirmIdentity(
  db: Kysely<DB>,
  box: SecretBox,
  accountId: number,
  ip: string | null,
  given: Confirmation,
  now: Date,
): Promise<Confirmed> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'username', 'password_hash', 'totp_secret_enc', 'totp_last_step'])
    .where('id', '=', accountId)
    .where('disabled', '=', false)
    .executeTakeFirstOrThrow();
  const subjects = loginSubjects(box, account.username, ip);
  const gate = await admitAttempt(db, subjects, now);
  if (!gate.ok) throw lockedError(gate.retryAfterMs, ['验证', 'confirmations']);
  if (given.totp !== undefined) {
    if (!account.totp_secret_enc) {
      await withdrawAttempt(db, subjects);
      throw new AppError(
        400,
        'NO_TOTP',
        '本账号未启用动态验证码，请用密码确认',
        'This account has no one-time codes; confirm with the password',
      );
    }
    const last = account.totp_last_step === null ? null : Number(account.totp_last_step);
    const step = checkTotp(box.open(account.totp_secret_enc, `totp:${account.id}`), given.totp, now, last);
    if (step === null) throw badTotp();
    await attemptSucceeded(db, subjects, now);
    return { method: 'totp', totpStep: step };
  }
  if (!(await verifyPassword(account.password_hash, given.password ?? '')))
    throw new AppError(401, 'BAD_PASSWORD', '密码错误', 'Wrong password');
  await attemptSucceeded(db, subjects, now);
  return { method: 'password', totpStep: null };
}

/**
 * Spends the accepted step inside the caller's write, with what it confirms: a code used once (to log in or to sign)
 * is not used again, and two requests racing with one code cannot both pass.
 */
export async function spendTotpStep(trx: Transaction<DB>, accountId: number, step: number | null): Promise<void> {
  if (step === null) return;
  const r = await trx
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) throw badTotp();
}
