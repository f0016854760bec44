// 登录日志 and 在线用户 (issue 13 §1): logins and open sessions of the accounts in the manager's scope, each read
// trailed; a session can be ended. A failed login at a name no account has belongs to no unit: only a manager whose
// scope is “all” sees those (they are how a guesser shows).
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { escapeLike } from '../db/sql-helpers.js';
import { toLimitOffset } from '../http/paging.js';
import { orgVisible } from '../scope/index.js';
import { recordRead, write, type Actor } from '../trail/index.js';
import { LOGIN_REASONS } from './login-log.js';
import type { Auth } from './sessions.js';
import type { loginLogQuery, sessionListQuery } from './accounts-admin.schema.js';

const OUTCOMES = { ok: '成功', failed: '失败', locked: '已锁定' } as const;

export async function listLoginLog(ctx: AppContext, auth: Auth, actor: Actor, q: z.infer<typeof loginLogQuery>) {
  let base = ctx.db
    .selectFrom('login_log as l')
    .leftJoin('accounts as a', 'a.id', 'l.account_id')
    .leftJoin('orgs', 'orgs.id', 'a.org_id');
  if (auth.scope.code !== 1) base = base.where('l.account_id', 'is not', null).where(orgVisible(auth.scope, 'orgs'));
  if (q.username) base = base.where('l.username', 'like', `%${escapeLike(q.username)}%`);
  if (q.outcome) base = base.where('l.outcome', '=', q.outcome);
  if (q.accountId) base = base.where('l.account_id', '=', q.accountId);
  const { limit, offset } = toLimitOffset(q);
  const [rows, total] = await Promise.all([
    base
      .select(['l.id', 'l.at', 'l.username', 'l.account_id', 'a.display_name', 'orgs.name as org_name'])
      .select(['l.client_ip', 'l.user_agent', 'l.outcome', 'l.reason'])
      .orderBy('l.at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    recordRead(ctx.db, ctx.clock, actor, { action: 'login_log.list', entity: 'account', detail: { page: q.page } }),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      username: r.username,
      accountId: r.account_id,
      displayName: r.display_name,
      orgName: r.org_name,
      ip: r.client_ip,
      userAgent: r.user_agent,
      outcome: r.outcome,
      outcomeLabel: OUTCOMES[r.outcome],
      reasonLabel: r.reason ? LOGIN_REASONS[r.reason as keyof typeof LOGIN_REASONS][0] : null,
    })),
  };
}

export async function listSessions(ctx: AppContext, auth: Auth, actor: Actor, q: z.infer<typeof sessionListQuery>) {
  const base = ctx.db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('orgs', 'orgs.id', 'a.org_id')
    .where('s.expires_at', '>', ctx.clock.now())
    .where(orgVisible(auth.scope, 'orgs'));
  const { limit, offset } = toLimitOffset(q);
  const [rows, total] = await Promise.all([
    base
      .select(['s.id', 's.created_at', 's.expires_at', 's.client_ip', 's.user_agent'])
      .select(['a.id as account_id', 'a.username', 'a.display_name', 'a.role', 'orgs.name as org_name'])
      .orderBy('s.created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    recordRead(ctx.db, ctx.clock, actor, { action: 'session.list', entity: 'account', detail: { page: q.page } }),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      username: r.username,
      displayName: r.display_name,
      orgName: r.org_name,
      ip: r.client_ip,
      userAgent: r.user_agent,
      startedAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      current: r.id === auth.sessionId,
    })),
  };
}

/** Ends one session at once: its next request is refused as not logged in. */
export async function endSessionById(ctx: AppContext, actor: Actor, id: number, reason: string) {
  return write(ctx.db, ctx.clock, actor, async (w) => {
    const gone = await w.trx.deleteFrom('sessions').where('id', '=', id).returning('account_id').executeTakeFirst();
    w.record({ action: 'session.end', entity: 'account', entityId: gone?.account_id, detail: { session: id, reason } });
    return { id, ended: !!gone };
  });
}
