// Login: argon2id password, TOTP for the roles that need it, growing lockout after repeated failures.
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { write, type Actor } from '../trail/index.js';
import { verifyPassword } from './password.js';
import { checkTotp } from './totp.js';
import { requiresTotp, type Role } from './roles.js';
import { createSession } from './sessions.js';

/** After this many failures in a row the account locks for 1 minute, doubling each further failure, up to 1 hour. */
export const LOCK_AFTER = 5;
const LOCK_BASE_MS = 60_000;
const LOCK_MAX_MS = 3600_000;

export function lockDurationMs(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failures - LOCK_AFTER));
}

const badCredentials = () =>
  new AppError(401, 'BAD_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

export interface LoginInput { username: string; password: string; totp?: string }

export async function login(ctx: AppContext, input: LoginInput, ip: string | null) {
  const now = ctx.clock.now();
  const account = await ctx.db.selectFrom('accounts').selectAll()
    .where('username', '=', input.username).where('disabled', '=', false).executeTakeFirst();
  const usable = account && (!account.demo || ctx.demo);
  const actor: Actor = { accountId: account?.id ?? null, name: input.username.slice(0, 64), ip };

  if (usable && isLocked(account.locked_until, now)) throw locked(account.locked_until!, now);
  const passwordOk = await verifyPassword(usable ? account.password_hash : null, input.password);
  if (!usable) {
    await write(ctx.db, ctx.clock, actor, async (w) => w.record({ action: 'auth.login_failed', entity: 'account', detail: { reason: 'unknown' } }));
    throw badCredentials();
  }
  const role = account.role as Role;
  let failure: string | null = passwordOk ? null : 'password';
  let totpStep: number | null = null;
  if (!failure && requiresTotp(role)) {
    if (!account.totp_secret_enc) {
      throw new AppError(403, 'TOTP_NOT_ENROLLED', '该角色须启用双因素认证，请联系管理员',
        'This role requires a second factor; ask the administrator to enrol you');
    }
    if (!input.totp) {
      throw new AppError(401, 'TOTP_REQUIRED', '请输入动态验证码', 'Enter your one-time code');
    }
    const secret = ctx.box.open(account.totp_secret_enc, `totp:${account.id}`);
    const last = account.totp_last_step === null ? null : Number(account.totp_last_step);
    totpStep = checkTotp(secret, input.totp, now, last);
    if (totpStep === null) failure = 'totp';
  }
  // The checks above ran without a lock, so parallel guesses all get this far. The outcome is decided under the
  // account's row lock: the counter only ever grows by one per attempt, and once the account is locked every
  // answer is "locked", right guess or wrong, so parallel requests learn nothing beyond LOCK_AFTER guesses.
  const outcome = await write(ctx.db, ctx.clock, actor, async (w) => {
    const row = await w.trx.selectFrom('accounts').select(['failed_logins', 'locked_until', 'totp_last_step'])
      .where('id', '=', account.id).forUpdate().executeTakeFirstOrThrow();
    const lockedNow = isLocked(row.locked_until, now);
    // A TOTP step accepted by a parallel login in the meantime makes this one a replay.
    if (!failure && totpStep !== null && row.totp_last_step !== null && totpStep <= Number(row.totp_last_step)) failure = 'totp';
    if (failure || lockedNow) {
      const failures = row.failed_logins + (failure ? 1 : 0);
      const lockMs = lockDurationMs(failures);
      const lockedUntil = !failure ? row.locked_until : lockMs ? new Date(now.getTime() + lockMs) : null;
      await w.trx.updateTable('accounts').set({ failed_logins: failures, locked_until: lockedUntil })
        .where('id', '=', account.id).execute();
      w.record({ action: 'auth.login_failed', entity: 'account', entityId: account.id, detail: { reason: lockedNow ? 'locked' : failure, failures } });
      return { ok: false as const, lockedUntil: lockedNow ? lockedUntil : null };
    }
    await w.trx.updateTable('accounts').set({ failed_logins: 0, locked_until: null, ...(totpStep !== null ? { totp_last_step: totpStep } : {}) })
      .where('id', '=', account.id).execute();
    w.record({ action: 'auth.login', entity: 'account', entityId: account.id });
    return { ok: true as const, session: await createSession(w.trx, now, account.id, ip) };
  });
  if (!outcome.ok) {
    if (outcome.lockedUntil) throw locked(outcome.lockedUntil, now);
    if (failure === 'totp') throw new AppError(401, 'BAD_TOTP', '动态验证码错误或已使用', 'Wrong or already used one-time code');
    throw badCredentials();
  }
  return { ...outcome.session, accountId: account.id };
}

function isLocked(until: Date | null, now: Date): boolean {
  return !!until && until.getTime() > now.getTime();
}

function locked(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(429, 'LOCKED', `登录失败次数过多，请 ${seconds} 秒后再试`,
    `Too many failed logins; try again in ${seconds} s`, { retryAfterSeconds: seconds });
}
