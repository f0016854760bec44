// Accounts are created by the administrator (or the demo seeder). Roles that need TOTP get a secret at creation;
// it is returned once, to hand to the user, and stored sealed with the key outside the database.
import type { AppContext } from '../context.js';
import type { WriteCtx } from '../trail/index.js';
import { hashPassword } from './password.js';
import { newTotpSecret, totpUri } from './totp.js';
import { requiresTotp, type Role } from './roles.js';
import type { ScopeCode } from '../scope/index.js';

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  orgId: number;
  scope: ScopeCode;
  cadreId?: number | null;
  customOrgIds?: number[];
  demo?: boolean;
  /** Head of the body (纪委书记), who approves clue disposals (M-14). */
  isHead?: boolean;
  /** A fixed TOTP secret (demo accounts only, so the README can give it). */
  totpSecret?: string;
  /** The password's hash made beforehand (the demo seeder hashes its one shared password once, not per account). */
  passwordHash?: string;
  /** A one-time password from the account manager: the first login must change it (issue 13 §1). */
  mustChangePassword?: boolean;
  /** The user enrols the second factor at first login (issue 13 §1) instead of being handed a secret now. */
  enrolTotpLater?: boolean;
  totpRequired?: boolean;
}

export async function createAccount(ctx: AppContext, w: WriteCtx, a: NewAccount) {
  const { id } = await w.trx
    .insertInto('accounts')
    .values({
      username: a.username,
      display_name: a.displayName,
      password_hash: a.passwordHash ?? (await hashPassword(a.password)),
      role: a.role,
      org_id: a.orgId,
      scope: a.scope,
      cadre_id: a.cadreId ?? null,
      demo: a.demo ?? false,
      is_head: a.isHead ?? false,
      must_change_password: a.mustChangePassword ?? false,
      totp_required: a.totpRequired ?? false,
      created_at: w.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let totp: { secret: string; uri: string } | null = null;
  if (requiresTotp(a.role) && !a.enrolTotpLater) {
    const secret = a.totpSecret ?? newTotpSecret();
    await w.trx
      .updateTable('accounts')
      .set({ totp_secret_enc: ctx.box.seal(secret, `totp:${id}`) })
      .where('id', '=', id)
      .execute();
    totp = { secret, uri: totpUri(secret, a.username) };
  }
  if (a.scope === 2 && a.customOrgIds?.length) {
    await w.trx
      .insertInto('account_scope_orgs')
      .values(a.customOrgIds.map((org_id) => ({ account_id: id, org_id })))
      .execute();
  }
  w.record({
    action: 'account.create',
    entity: 'account',
    entityId: id,
    detail: { username: a.username, role: a.role, scope: a.scope, orgId: a.orgId },
  });
  return { id, totp };
}
