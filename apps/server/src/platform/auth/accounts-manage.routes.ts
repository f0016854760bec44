// 用户管理, continued (issue 13 §1): edit an account, reset its password or second factor, lift its login lock; the
// login log and the open sessions (在线用户), one of which can be ended. All under accounts.manage, ids in scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf, requireAuth } from '../http/index.js';
import { accountStatusBody, accountUpdate, loginLogQuery, sessionListQuery } from './accounts-admin.schema.js';
import { account, session } from './accounts-admin.scope.js';
import { resetPassword, resetTotp, unlockAccount, updateAccount } from './accounts-edit.service.js';
import { endSessionById, listLoginLog, listSessions } from './accounts-security.service.js';
import * as answers from './accounts-admin.responses.js';

export function accountsManageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accounts'];
    const config = { access: 'accounts.manage' } as const;
    app.patch(
      '/accounts/:id',
      {
        config,
        schema: {
          response: { 200: answers.accountUpdated },
          tags,
          summary: '修改账号（角色、单位、数据权限） Edit an account',
          params: account.params(),
          body: accountUpdate,
        },
      },
      async (req) => updateAccount(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );
    // Three actions on another account, each with a reason (trailed): what differs is the verb and the answer.
    const actions = [
      [
        'reset-password',
        answers.passwordReset,
        '重置密码（一次性密码） Reset the password to a one-time one',
        resetPassword,
      ],
      ['reset-totp', answers.totpReset, '重置双因素认证 Reset the second factor', resetTotp],
      ['unlock', answers.unlocked, '解除登录锁定 Lift the login lock', unlockAccount],
    ] as const;
    for (const [verb, answer, summary, run] of actions) {
      app.post(
        `/accounts/:id/${verb}`,
        {
          config,
          schema: { response: { 200: answer }, tags, summary, params: account.params(), body: accountStatusBody },
        },
        async (req) => run(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.reason),
      );
    }
    app.get(
      '/login-log',
      {
        config,
        schema: {
          response: { 200: answers.loginLogPage },
          tags,
          summary: '登录日志 Login log',
          querystring: loginLogQuery,
        },
      },
      async (req) => listLoginLog(ctx, requireAuth(req), actorOf(req), req.query),
    );
    app.get(
      '/sessions',
      {
        config,
        schema: {
          response: { 200: answers.sessionPage },
          tags,
          summary: '在线用户 Open sessions',
          querystring: sessionListQuery,
        },
      },
      async (req) => listSessions(ctx, requireAuth(req), actorOf(req), req.query),
    );
    app.post(
      '/sessions/:id/end',
      {
        config,
        schema: {
          response: { 200: answers.sessionEnded },
          tags,
          summary: '强制下线 End a session',
          params: session.params(),
          body: accountStatusBody,
        },
      },
      async (req) => endSessionById(ctx, actorOf(req), req.params.id, req.body.reason),
    );
  };
}
