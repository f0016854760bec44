// 登录日志 (issue 13 §1): one row per login — successful, failed (unknown name, wrong password or code) or refused by
// the throttle — with time, address and browser. Append-only for the app role (platform/db/app-grants.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import type { LoginClient } from './login.js';

export const LOGIN_REASONS = {
  unknown: ['账号不存在或已停用', 'No such account, or disabled'],
  password: ['密码错误', 'Wrong password'],
  totp: ['动态验证码错误', 'Wrong one-time code'],
} as const;

export async function logLogin(
  db: Kysely<DB>,
  at: Date,
  username: string,
  accountId: number | null,
  client: LoginClient,
  outcome: 'ok' | 'failed' | 'locked',
  reason: keyof typeof LOGIN_REASONS | null,
): Promise<void> {
  await db
    .insertInto('login_log')
    .values({
      at,
      username: username.slice(0, 64),
      account_id: accountId,
      client_ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      outcome,
      reason,
    })
    .execute();
}
