// 用户管理 under /api/v1/accounts (issue 13 §2): list the accounts in scope, create one.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf, requireAuth } from '../http/index.js';
import { createManagedAccount, listAccounts } from './accounts-admin.service.js';
import { accountCreate, accountListQuery } from './accounts-admin.schema.js';
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
  };
}
