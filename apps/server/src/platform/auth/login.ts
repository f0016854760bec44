// Login: argon2id password, TOTP for the roles that need it, throttled by (name, address), by name and by address
// (login-throttle.ts, issue 11 §6). A known and an unknown name take the same steps and get the same answers.
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { write, type Actor } from '../trail/index.js';
import { verifyPassword } from './password.js';
import { checkTotp } from './totp.js';
import { needsTotp, type Role } from './roles.js';
import { logLogin } from './login-log.js';
import { createSession } from './sessions.js';
import { admitAttempt, attemptSucceeded, lockedError, loginSubjects, withdrawAttempt } from './login-throttle.js';

export { lockDurationMs, LOGIN_LIMITS } from './login-throttle.js';

const badCredentials = () => new AppError(401, 'BAD_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

/** Where a login came from, for the session and the login log (登录日志, issue 13 §1). */
export interface LoginClient {
  ip: string | null;
  userAgent: string | null;
}

export async function login(ctx: AppContext, input: LoginInput, client: LoginClient) {
  const { ip } = client;
  const now = ctx.clock.now();
  const account = await ctx.db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', input.username)
    .where('disabled', '=', false)
    .executeTakeFirst();
  const usable = account && (!account.demo || ctx.demo) ? account : undefined;
  const actor: Actor = { accountId: usable?.id ?? null, name: input.username.slice(0, 64), ip };
  // Counted before the password is checked, so that parallel guesses cannot overrun a limit; a refused attempt is no
  // guess and is not trailed (the failures that led to it are).
  const subjects = loginSubjects(ctx.box, input.username, ip);
  const gate = await admitAttempt(ctx.db, subjects, now);
  if (!gate.ok) {
    await logLogin(ctx.db, now, input.username, usable?.id ?? null, client, 'locked', null);
    throw lockedError(gate.retryAfterMs, ['登录', 'logins']);
  }

  const passwordOk = await verifyPassword(usable ? usable.password_hash : null, input.password);
  let failure: 'unknown' | 'password' | 'totp' | null = !usable ? 'unknown' : passwordOk ? null : 'password';
  let totpStep: number | null = null;
  // An account that must use a second factor and has none yet (new, or reset by the administrator) logs in with its
  // password to a session that can only enrol one (sessions.ts `setup`).
  if (usable && !failure && needsTotp(usable.role as Role, usable.totp_required) && usable.totp_secret_enc) {
    if (!input.totp) {
      await withdrawAttempt(ctx.db, subjects);
      throw new AppError(401, 'TOTP_REQUIRED', '请输入动态验证码', 'Enter your one-time code');
    }
    const secret = ctx.box.open(usable.totp_secret_enc, `totp:${usable.id}`);
    const last = usable.totp_last_step === null ? null : Number(usable.totp_last_step);
    totpStep = checkTotp(secret, input.totp, now, last);
    if (totpStep === null) failure = 'totp';
  }
  const outcome = await write(ctx.db, ctx.clock, actor, async (w) => {
    if (usable && !failure && totpStep !== null) {
      // A TOTP step accepted by a parallel login in the meantime makes this one a replay (under the row lock).
      const row = await w.trx
        .selectFrom('accounts')
        .select('totp_last_step')
        .where('id', '=', usable.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.totp_last_step !== null && totpStep <= Number(row.totp_last_step)) failure = 'totp';
      else await w.trx.updateTable('accounts').set({ totp_last_step: totpStep }).where('id', '=', usable.id).execute();
    }
    if (!usable || failure) {
      w.record({
        action: 'auth.login_failed',
        entity: 'account',
        entityId: usable?.id,
        detail: { reason: failure, failures: gate.failuresInRow },
      });
      await logLogin(w.trx, now, input.username, usable?.id ?? null, client, 'failed', failure);
      return null;
    }
    await attemptSucceeded(w.trx, subjects, now);
    w.record({ action: 'auth.login', entity: 'account', entityId: usable.id });
    await logLogin(w.trx, now, input.username, usable.id, client, 'ok', null);
    return { ...(await createSession(w.trx, now, usable.id, ip, client.userAgent)), accountId: usable.id };
  });
  if (!outcome) {
    if (failure === 'totp')
      throw new AppError(401, 'BAD_TOTP', '动态验证码错误或已使用', 'Wrong or already used one-time code');
    throw badCredentials();
  }
  return outcome;
}
