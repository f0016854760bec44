// 用户管理 (issue 13 §1, §2): accounts listed and created by an account manager (`accounts.manage`). The manager's
// own scope bounds everything: the units listed, the unit and cadre an account is tied to (the route's id guard), and
// the scope granted, which may not reach a unit the manager cannot see.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { escapeLike } from '../db/sql-helpers.js';
import { AppError, conflict } from '../http/errors.js';
import { orgVisible, SCOPE_LABELS, type DataScope, type ScopeCode } from '../scope/index.js';
import { recordRead, write, type Actor, type WriteCtx } from '../trail/index.js';
import { createAccount } from './accounts.js';
import { oneTimePassword, passwordProblem } from './password.js';
import { ROLES, type Role } from './roles.js';
import type { Auth } from './sessions.js';
import type { accountCreate, accountListQuery } from './accounts-admin.schema.js';

/** Roles whose grant the commission's head is told of: they read reporters and cases (M-11, M-14). */
export const WATCHED_ROLES: Role[] = ['petition', 'discipline'];

export async function listAccounts(ctx: AppContext, auth: Auth, actor: Actor, q: z.infer<typeof accountListQuery>) {
  let base = ctx.db
    .selectFrom('accounts as a')
    .innerJoin('orgs', 'orgs.id', 'a.org_id')
    .where(orgVisible(auth.scope, 'orgs'));
  if (!ctx.demo) base = base.where('a.demo', '=', false); // demo accounts cannot log in outside demo mode either
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where((eb) => eb.or([eb('a.username', 'ilike', like), eb('a.display_name', 'like', like)]));
  }
  if (q.role) base = base.where('a.role', '=', q.role);
  const [rows, total] = await Promise.all([
    base
      .select([
        'a.id',
        'a.username',
        'a.display_name',
        'a.role',
        'a.org_id',
        'orgs.name as org_name',
        'a.scope',
        'a.cadre_id',
        'a.disabled',
        'a.is_head',
        'a.totp_required',
        'a.must_change_password',
        'a.created_at',
      ])
      .select(sql<boolean>`a.totp_secret_enc is not null`.as('totp'))
      .select(
        sql<
          number[]
        >`coalesce((select array_agg(s.org_id order by s.org_id) from account_scope_orgs s where s.account_id = a.id), '{}')`.as(
          'custom',
        ),
      )
      .orderBy('orgs.path')
      .orderBy('a.username')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    recordRead(ctx.db, ctx.clock, actor, { action: 'account.list', entity: 'account', detail: { page: q.page } }),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      roleLabel: ROLES[r.role as Role]?.zh ?? r.role,
      orgId: r.org_id,
      orgName: r.org_name,
      scope: r.scope,
      scopeLabel: SCOPE_LABELS[r.scope as ScopeCode].zh,
      cadreId: r.cadre_id,
      disabled: r.disabled,
      isHead: r.is_head,
      totp: r.totp,
      totpRequired: r.totp_required,
      mustChangePassword: r.must_change_password,
      customOrgIds: r.custom.map(Number),
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** 409 when an account, enabled or not, already has the name. */
async function usernameTaken(db: AppContext['db'], username: string): Promise<AppError | null> {
  const row = await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
  return row ? conflict('USERNAME_TAKEN', '该账号名已被使用', 'This account name is already in use') : null;
}

/** Refuses a scope that reaches a unit the manager's own scope does not. */
export async function assertScopeWithin(db: AppContext['db'], manager: DataScope, granted: DataScope): Promise<void> {
  const beyond = await db
    .selectFrom('orgs')
    .select('id')
    .where(orgVisible(granted, 'orgs'))
    .where(sql<boolean>`not (${orgVisible(manager, 'orgs')})`)
    .limit(1)
    .executeTakeFirst();
  if (beyond)
    throw new AppError(
      403,
      'SCOPE_TOO_WIDE',
      '不能授予比本人更宽的数据权限',
      'You cannot grant a data scope wider than your own',
    );
}

export async function createManagedAccount(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  input: z.infer<typeof accountCreate>,
) {
  // The unit, the custom units and the cadre are in the manager's scope already (the route's id guard).
  const unit = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('id', '=', input.orgId)
    .executeTakeFirstOrThrow();
  const customOrgIds = input.scope === 2 ? [...new Set(input.customOrgIds ?? [])] : [];
  if (input.scope === 2 && !customOrgIds.length)
    throw new AppError(
      400,
      'VALIDATION',
      '自定义数据权限请至少选择一个单位',
      'Choose at least one unit for a custom scope',
      [{ path: 'customOrgIds', message: '请至少选择一个单位' }],
    );
  await assertScopeWithin(ctx.db, auth.scope, {
    code: input.scope,
    orgId: unit.id,
    orgPath: unit.path,
    customOrgIds,
    cadreId: input.cadreId ?? null,
  });
  const password = input.password ?? oneTimePassword();
  const weak = await passwordProblem(password, input.username);
  if (weak) throw weak;
  const taken = await usernameTaken(ctx.db, input.username);
  if (taken) throw taken;
  const made = await write(ctx.db, ctx.clock, actor, async (w) => {
    const r = await createAccount(ctx, w, {
      username: input.username,
      displayName: input.displayName,
      password,
      mustChangePassword: true,
      enrolTotpLater: true,
      totpRequired: input.totpRequired ?? false,
      role: input.role,
      orgId: input.orgId,
      scope: input.scope,
      cadreId: input.cadreId ?? null,
      customOrgIds,
      isHead: input.isHead ?? false,
    });
    if (WATCHED_ROLES.includes(input.role)) await tellCommissionHeads(w, input, r.id);
    return r;
  });
  return {
    id: made.id,
    username: input.username,
    role: input.role,
    // Shown this once, when the server made it up; the user must change it at first login and enrols the second
    // factor then (first-login.ts).
    oneTimePassword: input.password ? null : password,
  };
}

/** The discipline commission's heads whose scope covers the account's unit learn of the grant (new or by edit). */
export async function tellCommissionHeads(
  w: WriteCtx,
  input: { username: string; role: Role; orgId: number },
  accountId: number,
  /** An existing account given the role by an edit, not a new one. */
  edited = false,
) {
  const heads = await w.trx
    .selectFrom('accounts as h')
    .innerJoin('orgs as o', 'o.id', 'h.org_id')
    .select(['h.id', 'h.scope', 'h.org_id', 'o.path'])
    .where('h.is_head', '=', true)
    .where('h.role', '=', 'discipline')
    .where('h.disabled', '=', false)
    .execute();
  for (const h of heads) {
    const custom =
      h.scope === 2
        ? (await w.trx.selectFrom('account_scope_orgs').select('org_id').where('account_id', '=', h.id).execute()).map(
            (r) => r.org_id,
          )
        : [];
    const scope = { code: h.scope as ScopeCode, orgId: h.org_id, orgPath: h.path, customOrgIds: custom, cadreId: null };
    const sees = await w.trx
      .selectFrom('orgs')
      .select('id')
      .where('id', '=', input.orgId)
      .where(orgVisible(scope, 'orgs'))
      .executeTakeFirst();
    if (!sees) continue;
    await w.trx
      .insertInto('notifications')
      .values({
        account_id: h.id,
        kind: 'account.grant',
        // Each grant is told: a second grant to the same account (created, changed, given the role again) too.
        dedupe_key: `account.grant:${accountId}:${input.role}:${w.now.getTime()}`,
        title: `${edited ? '账号' : '新账号'} ${input.username} 被授予“${ROLES[input.role].zh}”角色`,
        link: '/admin/accounts',
        created_at: w.now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Why no first administrator may be made now (a weak password, an administrator already there, the name taken). */
export async function firstAdminProblem(
  db: AppContext['db'],
  a: { username: string; password: string },
): Promise<AppError | null> {
  const weak = await passwordProblem(a.password, a.username);
  if (weak) return weak;
  const admin = await db
    .selectFrom('accounts')
    .select('username')
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('demo', '=', false)
    .executeTakeFirst();
  if (admin)
    return conflict(
      'ADMIN_EXISTS',
      `已有管理员账号 ${admin.username}，请由其在系统管理中新建账号`,
      `An administrator (${admin.username}) exists already; let them create accounts in the workbench`,
    );
  return usernameTaken(db, a.username);
}

/**
 * `npm run create-admin` (issue 13 §2): the first administrator, with scope “all” at a top-level unit, only while the
 * installation has no administrator able to log in (checked again inside the transaction).
 */
export async function createFirstAdmin(
  ctx: AppContext,
  actor: Actor,
  a: { username: string; displayName: string; password: string; orgId: number },
) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const problem = await firstAdminProblem(w.trx, a);
    if (problem) throw problem;
    return createAccount(ctx, w, { ...a, role: 'admin', scope: 1 });
  });
}
