// Server-side sessions: the cookie holds a random token, the database only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { DB } from '../db/index.js';
import type { DataScope, ScopeCode } from '../scope/index.js';
import { needsTotp, type Role } from './roles.js';

export const SESSION_COOKIE = 'mj_session';
export const SESSION_HOURS = 8;

export interface Auth {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  scope: DataScope;
  csrfToken: string;
  /** Head of the account's body (纪委书记): approves clue disposals (M-14). */
  isHead: boolean;
  /**
   * What the account must do before anything else (issue 13 §1): choose its own password in place of a one-time one,
   * enrol a second factor its role or the administrator requires. Until then only the first-login routes answer.
   * Absent for callers the demo seeder and the CLI make up.
   */
  setup?: { password: boolean; totp: boolean };
  /** The session's plain id (在线用户); none for the callers the demo seeder and the CLI make up. */
  sessionId?: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  now: Date,
  accountId: number,
  ip: string | null,
  userAgent: string | null = null,
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000),
      client_ip: ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

/** The account behind a session token, with its scope read fresh (a moved unit moves the scope with it). */
export async function loadSession(ctx: AppContext, token: string): Promise<Auth | null> {
  const row = await ctx.db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.username',
      'a.display_name',
      'a.role',
      'a.org_id',
      'a.scope',
      'a.cadre_id',
      'a.demo',
      'a.is_head',
      'a.must_change_password',
      'a.totp_required',
      'o.path',
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
    ])
    .select(sql<boolean>`a.totp_secret_enc is null`.as('no_totp'))
    .where('s.token_hash', '=', sha256(token))
    .where('a.disabled', '=', false)
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= ctx.clock.now().getTime()) return null;
  if (row.demo && !ctx.demo) return null;
  const custom =
    row.scope === 2
      ? (await ctx.db.selectFrom('account_scope_orgs').select('org_id').where('account_id', '=', row.id).execute()).map(
          (r) => r.org_id,
        )
      : [];
  return {
    accountId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    orgId: row.org_id,
    csrfToken: row.csrf_token,
    isHead: row.is_head,
    sessionId: row.session_id,
    setup: {
      password: row.must_change_password,
      totp: row.no_totp && needsTotp(row.role as Role, row.totp_required),
    },
    scope: {
      code: row.scope as ScopeCode,
      orgId: row.org_id,
      orgPath: row.path,
      customOrgIds: custom,
      cadreId: row.cadre_id,
    },
  };
}
