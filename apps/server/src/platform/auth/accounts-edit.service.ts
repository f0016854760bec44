// 用户管理 (issue 13 §1): what an account manager changes on another account — its name, role, unit, data scope,
// cadre and second-factor requirement; its password (a one-time one) and second factor (reset, to enrol again); its
// login lock. Never the manager's own account; never a scope wider than the manager's; never the last administrator.
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { forget } from '../throttle/throttle.repo.js';
import { write, type Actor, type WriteCtx } from '../trail/index.js';
import { assertScopeWithin, tellCommissionHeads, WATCHED_ROLES } from './accounts-admin.service.js';
import { assertNotOwn, assertOtherAdmin, lockAdmins } from './accounts-status.service.js';
import { LOGIN_BUCKETS, LOGIN_LIMITS, loginSubjects } from './login-throttle.js';
import { hashPassword, oneTimePassword } from './password.js';
import type { Role } from './roles.js';
import type { Auth } from './sessions.js';
import type { accountUpdate } from './accounts-admin.schema.js';
import type { ScopeCode } from '../scope/index.js';

async function endSessions(w: WriteCtx, id: number): Promise<number> {
  const r = await w.trx.deleteFrom('sessions').where('account_id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function updateAccount(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  input: z.infer<typeof accountUpdate>,
) {
  assertNotOwn(auth, id);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await lockAdmins(w.trx);
    const was = await w.trx
      .selectFrom('accounts as a')
      .select(['a.username', 'a.display_name', 'a.role', 'a.org_id', 'a.scope', 'a.cadre_id', 'a.is_head'])
      .select(['a.totp_required', 'a.disabled'])
      .where('a.id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const was_custom = (
      await w.trx.selectFrom('account_scope_orgs').select('org_id').where('account_id', '=', id).execute()
    ).map((r) => r.org_id);
    const role = (input.role ?? was.role) as Role;
    const orgId = input.orgId ?? was.org_id;
    const scope = (input.scope ?? was.scope) as ScopeCode;
    const cadreId = input.cadreId === undefined ? was.cadre_id : input.cadreId;
    const custom = scope === 2 ? [...new Set(input.customOrgIds ?? was_custom)] : [];
    if (scope === 2 && !custom.length)
      throw new AppError(
        400,
        'VALIDATION',
        '自定义数据权限请至少选择一个单位',
        'Choose at least one unit for a custom scope',
        [{ path: 'customOrgIds', message: '请至少选择一个单位' }],
      );
    const unit = await w.trx
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    await assertScopeWithin(w.trx, auth.scope, {
      code: scope,
      orgId,
      orgPath: unit.path,
      customOrgIds: custom,
      cadreId,
    });
    if (was.role === 'admin' && role !== 'admin' && !was.disabled) await assertOtherAdmin(w.trx, id);
    await w.trx
      .updateTable('accounts')
      .set({
        display_name: input.displayName ?? was.display_name,
        role,
        org_id: orgId,
        scope,
        cadre_id: cadreId,
        is_head: input.isHead ?? was.is_head,
        totp_required: input.totpRequired ?? was.totp_required,
      })
      .where('id', '=', id)
      .execute();
    await w.trx.deleteFrom('account_scope_orgs').where('account_id', '=', id).execute();
    if (custom.length)
      await w.trx
        .insertInto('account_scope_orgs')
        .values(custom.map((org_id) => ({ account_id: id, org_id })))
        .execute();
    if (role !== was.role && WATCHED_ROLES.includes(role))
      await tellCommissionHeads(w, { username: was.username, role, orgId }, id, true);
    const changed = Object.keys(input).filter((k) => k !== 'reason');
    w.record({
      action: 'account.update',
      entity: 'account',
      entityId: id,
      detail: {
        username: was.username,
        reason: input.reason,
        changed,
        before: {
          role: was.role,
          orgId: was.org_id,
          scope: was.scope,
          customOrgIds: was_custom,
          cadreId: was.cadre_id,
        },
        after: { role, orgId, scope, customOrgIds: custom, cadreId },
      },
    });
    return { id, changed };
  });
}

/** A one-time password, shown to the manager this once; the account's sessions end and its next login must change it. */
export async function resetPassword(ctx: AppContext, auth: Auth, actor: Actor, id: number, reason: string) {
  assertNotOwn(auth, id);
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await w.trx
      .updateTable('accounts')
      .set({ password_hash: hash, must_change_password: true })
      .where('id', '=', id)
      .execute();
    const ended = await endSessions(w, id);
    w.record({
      action: 'account.password_reset',
      entity: 'account',
      entityId: id,
      detail: { reason, sessionsEnded: ended },
    });
    return { id, oneTimePassword: password, sessionsEnded: ended };
  });
}

/** The second factor is forgotten (a lost phone): the account enrols a new one at its next login. */
export async function resetTotp(ctx: AppContext, auth: Auth, actor: Actor, id: number, reason: string) {
  assertNotOwn(auth, id);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await w.trx
      .updateTable('accounts')
      .set({ totp_secret_enc: null, totp_pending_enc: null, totp_last_step: null })
      .where('id', '=', id)
      .execute();
    const ended = await endSessions(w, id);
    w.record({
      action: 'account.totp_reset',
      entity: 'account',
      entityId: id,
      detail: { reason, sessionsEnded: ended },
    });
    return { id, sessionsEnded: ended };
  });
}

/**
 * Lifts the login locks on the account's name: its hourly cap, and the lock of every address that failed at it
 * within the day a lock is remembered (the addresses come from the login log; the throttle keeps only keyed hashes).
 */
export async function unlockAccount(ctx: AppContext, _auth: Auth, actor: Actor, id: number, reason: string) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const { username } = await w.trx
      .selectFrom('accounts')
      .select('username')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const since = new Date(w.now.getTime() - LOGIN_LIMITS.pairMemoryMs);
    const ips = await w.trx
      .selectFrom('login_log')
      .select('client_ip')
      .distinct()
      .where('username', '=', username)
      .where('outcome', '<>', 'ok')
      .where('at', '>=', since)
      .execute();
    const first = loginSubjects(ctx.box, username, null);
    await forget(w.trx, LOGIN_BUCKETS.account, first.account);
    for (const { client_ip } of ips)
      await forget(w.trx, LOGIN_BUCKETS.pair, loginSubjects(ctx.box, username, client_ip).pair);
    w.record({ action: 'account.unlock', entity: 'account', entityId: id, detail: { reason, addresses: ips.length } });
    return { id, addresses: ips.length };
  });
}
