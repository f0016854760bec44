// Disabling and re-enabling an account (issue 13 §1). Disabling ends its sessions at once, in the same transaction;
// a manager cannot disable themself, and the last administrator able to log in cannot be disabled.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import type { AppContext } from '../context.js';
import { AppError, conflict } from '../http/errors.js';
import { write, type Actor } from '../trail/index.js';
import type { Auth } from './sessions.js';

export async function setAccountDisabled(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  id: number,
  disabled: boolean,
  reason: string,
) {
  assertNotOwn(auth, id);
  return write(ctx.db, ctx.clock, actor, async (w) => {
    await lockAdmins(w.trx);
    const row = await w.trx
      .selectFrom('accounts')
      .select(['id', 'username', 'role', 'disabled'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.disabled === disabled)
      throw conflict(
        disabled ? 'ALREADY_DISABLED' : 'ALREADY_ENABLED',
        disabled ? '该账号已是停用状态' : '该账号已是启用状态',
        disabled ? 'The account is disabled already' : 'The account is enabled already',
      );
    if (disabled && row.role === 'admin') await assertOtherAdmin(w.trx, id);
    await w.trx.updateTable('accounts').set({ disabled }).where('id', '=', id).execute();
    const ended = disabled
      ? Number((await w.trx.deleteFrom('sessions').where('account_id', '=', id).executeTakeFirst()).numDeletedRows)
      : 0;
    w.record({
      action: disabled ? 'account.disable' : 'account.enable',
      entity: 'account',
      entityId: id,
      detail: { username: row.username, reason, sessionsEnded: ended },
    });
    return { id, disabled, sessionsEnded: ended };
  });
}

/**
 * Every administrator's row, in id order: two managers disabling or demoting each other queue here instead of both
 * passing assertOtherAdmin (or deadlocking on each other's row).
 */
export async function lockAdmins(trx: Kysely<DB>): Promise<void> {
  await sql`select id from accounts where role = 'admin' order by id for update`.execute(trx);
}

/** 409 unless an administrator other than `id` can still log in (call after lockAdmins). */
export async function assertOtherAdmin(trx: Kysely<DB>, id: number): Promise<void> {
  const others = await trx
    .selectFrom('accounts')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('demo', '=', false)
    .where('id', '<>', id)
    .limit(1)
    .executeTakeFirst();
  if (!others)
    throw conflict(
      'LAST_ADMIN',
      '这是最后一个可用的管理员账号，不能停用或改为其他角色',
      'This is the last administrator; it cannot be disabled or given another role',
    );
}

/** Managers act on other accounts only: their own role, scope, password and sessions are not theirs to grant. */
export function assertNotOwn(auth: Auth, id: number): void {
  if (id === auth.accountId)
    throw new AppError(403, 'OWN_ACCOUNT', '不能在用户管理中修改本人的账号', 'You cannot change your own account here');
}
