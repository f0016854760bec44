// Login, logout and “who am I” (with the permissions, so the UI can hide what the user cannot do).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf, cookieSecure, requireAuth } from '../http/index.js';
import { SCOPE_LABELS } from '../scope/index.js';
import { write } from '../trail/index.js';
import { login } from './login.js';
import { beginTotp, changeOwnPassword, confirmTotp } from './first-login.js';
import { ROLES, permissionsOf } from './roles.js';
import { endSession, loadSession, SESSION_COOKIE, SESSION_HOURS, type Auth } from './sessions.js';
import * as answers from './auth.responses.js';

const loginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(200),
    totp: z
      .string()
      .regex(/^\d{6}$/, { message: '动态验证码为 6 位数字 / The one-time code has 6 digits' })
      .optional(),
  })
  .strict();

const me = (a: Auth) => ({
  id: a.accountId,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  roleLabel: ROLES[a.role].zh,
  orgId: a.orgId,
  scope: a.scope.code,
  scopeLabel: SCOPE_LABELS[a.scope.code].zh,
  permissions: permissionsOf(a.role),
  cadreId: a.scope.cadreId,
  isHead: a.isHead,
  csrfToken: a.csrfToken,
  setup: a.setup ?? { password: false, totp: false },
});

const passwordBody = z.object({ current: z.string().min(1).max(200), next: z.string().min(1).max(200) }).strict();
const totpBody = z
  .object({ code: z.string().regex(/^\d{6}$/, { message: '动态验证码为 6 位数字 / The one-time code has 6 digits' }) })
  .strict();

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    const secure = cookieSecure(); // the same switch as HSTS (platform/http/security-headers.ts)
    app.post(
      '/auth/login',
      {
        config: { csrfExempt: true },
        schema: { response: { 200: answers.me }, tags, summary: '登录 Log in', body: loginBody },
      },
      async (req, reply) => {
        const ua = req.headers['user-agent'];
        const s = await login(ctx, req.body, { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null });
        reply.setCookie(SESSION_COOKIE, s.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/',
          maxAge: SESSION_HOURS * 3600,
        });
        const auth = await loadSession(ctx, s.token);
        return me(auth!);
      },
    );
    app.post(
      '/auth/logout',
      {
        config: { access: 'signed-in', setup: true },
        schema: { response: { 200: answers.ok }, tags, summary: '退出 Log out' },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        await write(ctx.db, ctx.clock, actorOf(req), async (w) =>
          w.record({ action: 'auth.logout', entity: 'account', entityId: auth.accountId }),
        );
        await endSession(ctx, req.cookies[SESSION_COOKIE]!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );
    app.get(
      '/auth/me',
      {
        config: { access: 'signed-in', setup: true },
        schema: { response: { 200: answers.me }, tags, summary: '当前账号 Current account' },
      },
      async (req) => me(requireAuth(req)),
    );
    // Issue 13 §1: the first-login steps, also open to an account that has them left.
    app.post(
      '/auth/password',
      {
        config: { access: 'signed-in', setup: true },
        schema: { response: { 200: answers.ok }, tags, summary: '修改本人密码 Change my password', body: passwordBody },
      },
      async (req) => changeOwnPassword(ctx, requireAuth(req), actorOf(req), req.body),
    );
    app.post(
      '/auth/totp/begin',
      {
        config: { access: 'signed-in', setup: true },
        schema: { response: { 200: answers.totpBegun }, tags, summary: '获取双因素认证二维码 Begin TOTP enrolment' },
      },
      async (req) => beginTotp(ctx, requireAuth(req), actorOf(req)),
    );
    app.post(
      '/auth/totp/confirm',
      {
        config: { access: 'signed-in', setup: true },
        schema: { response: { 200: answers.ok }, tags, summary: '确认双因素认证 Confirm TOTP', body: totpBody },
      },
      async (req) => confirmTotp(ctx, requireAuth(req), actorOf(req), req.body.code),
    );
  };
}
