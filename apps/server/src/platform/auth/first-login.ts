// What an account does for itself (issue 13 §1): choose its own password — at once after a one-time password, later
// whenever it likes — and enrol a second factor with a QR code, confirmed by a first code before it counts.
import { renderSVG } from 'uqr';
import type { AppContext } from '../context.js';
import { AppError, conflict, invalidField } from '../http/errors.js';
import { write, type Actor } from '../trail/index.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';
import type { Auth } from './sessions.js';

/** A new password in place of the current one; the account's other sessions end (a stolen one stops working). */
export async function changeOwnPassword(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  input: { current: string; next: string },
) {
  const row = await ctx.db
    .selectFrom('accounts')
    .select(['password_hash'])
    .where('id', '=', auth.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.current)))
    throw invalidField('current', '当前密码不正确', 'The current password is wrong');
  if (input.next === input.current)
    throw invalidField('next', '新密码不能与当前密码相同', 'The new password must differ from the current one');
  const weak = await passwordProblem(input.next, auth.username);
  if (weak) throw invalidField('next', weak.messageZh, weak.messageEn);
  const hash = await hashPassword(input.next);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await w.trx
      .updateTable('accounts')
      .set({ password_hash: hash, must_change_password: false, password_changed_at: w.now })
      .where('id', '=', auth.accountId)
      .execute();
    const ended = await w.trx
      .deleteFrom('sessions')
      .where('account_id', '=', auth.accountId)
      .where('id', '<>', auth.sessionId ?? -1)
      .executeTakeFirst();
    w.record({
      action: 'account.password_changed',
      entity: 'account',
      entityId: auth.accountId,
      detail: { oneTime: !!auth.setup?.password, otherSessionsEnded: Number(ended.numDeletedRows) },
    });
    return { ok: true as const };
  });
}

const enrolled = () =>
  conflict(
    'TOTP_ENROLLED',
    '已绑定双因素认证；如需更换请联系管理员重置',
    'A second factor is enrolled already; ask the administrator to reset it',
  );

/**
 * A new secret, sealed and kept pending, with its QR code (an SVG data URL: the page shows it as an image, CSP allows
 * data: images) and the secret in text for apps that cannot scan. Asking again replaces the pending secret.
 */
export async function beginTotp(ctx: AppContext, auth: Auth, actor: Actor) {
  if (auth.setup?.password)
    throw new AppError(403, 'SETUP_REQUIRED', '请先修改初始密码', 'Choose your own password first');
  const row = await ctx.db
    .selectFrom('accounts')
    .select('totp_secret_enc')
    .where('id', '=', auth.accountId)
    .executeTakeFirstOrThrow();
  if (row.totp_secret_enc) throw enrolled();
  const secret = newTotpSecret();
  await write(ctx.db, ctx.clock, actor, async (w) => {
    await w.trx
      .updateTable('accounts')
      .set({ totp_pending_enc: ctx.box.seal(secret, `totp-pending:${auth.accountId}`) })
      .where('id', '=', auth.accountId)
      .execute();
    w.record({ action: 'account.totp_begin', entity: 'account', entityId: auth.accountId });
  });
  const uri = totpUri(secret, auth.username);
  const qr = `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString('base64')}`;
  return { secret, uri, qr };
}

/** The first code from the authenticator makes the pending secret the account's second factor. */
export async function confirmTotp(ctx: AppContext, auth: Auth, actor: Actor, code: string) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const row = await w.trx
      .selectFrom('accounts')
      .select(['totp_secret_enc', 'totp_pending_enc'])
      .where('id', '=', auth.accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.totp_secret_enc) throw enrolled();
    if (!row.totp_pending_enc) throw conflict('TOTP_NOT_BEGUN', '请先获取二维码', 'Ask for the QR code first');
    const secret = ctx.box.open(row.totp_pending_enc, `totp-pending:${auth.accountId}`);
    const step = checkTotp(secret, code, w.now);
    if (step === null)
      throw invalidField(
        'code',
        '动态验证码不正确，请核对手机时间后重试',
        'Wrong code; check the phone’s clock and try again',
      );
    await w.trx
      .updateTable('accounts')
      .set({
        totp_secret_enc: ctx.box.seal(secret, `totp:${auth.accountId}`),
        totp_pending_enc: null,
        totp_last_step: step,
      })
      .where('id', '=', auth.accountId)
      .execute();
    w.record({ action: 'account.totp_enrolled', entity: 'account', entityId: auth.accountId });
    return { ok: true as const };
  });
}
