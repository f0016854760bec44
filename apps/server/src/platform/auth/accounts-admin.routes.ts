// 用户管理 under /api/v1/accounts (issue 13 §1, §2): list the accounts in scope, create one, disable or enable one.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf, requireAuth } from '../http/index.js';
import { createManagedAccount, listAccounts } from './accounts-admin.service.js';
import { accountCreate, accountListQuery, accountStatusBody } from './accounts-admin.schema.js';
import { account } from './accounts-admin.scope.js';
import { setAccountDisabled } from './accounts-status.service.js';
import * as answers from './accounts-admin.responses.js';

export function accountsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accounts'];
    app.get(
      '/accounts',
      {
        config: { access: 'accounts.manage' },
        schema: {
          response: { 200: answers.accountPage },
          tags,
          summary: '账号列表 Accounts in scope',
          querystring: accountListQuery,
        },
      },
      async (req) => listAccounts(ctx, requireAuth(req), actorOf(req), req.query),
    );
    app.post(
      '/accounts',
      {
        config: { access: 'accounts.manage' },
        schema: {
          response: { 201: answers.accountCreated },
          tags,
          summary: '新建账号 Create an account',
          body: accountCreate,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createManagedAccount(ctx, requireAuth(req), actorOf(req), req.body)),
    );
    for (const [verb, disabled, summary] of [
      ['disable', true, '停用账号（立即结束其会话） Disable an account, ending its sessions'],
      ['enable', false, '启用账号 Enable an account'],
    ] as const) {
      app.post(
        `/accounts/:id/${verb}`,
        {
          config: { access: 'accounts.manage' },
          schema: {
            response: { 200: answers.accountStatus },
            tags,
            summary,
            params: account.params(),
            body: accountStatusBody,
          },
        },
        async (req) =>
          setAccountDisabled(ctx, requireAuth(req), actorOf(req), req.params.id, disabled, req.body.reason),
      );
    }
  };
}
