// The deadline engine's own routes: every open deadline in scope (the warning dashboard's base) and the reader's
// reminders (M-27). Thin: permission, validation, one call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { requireAuth } from '../http/index.js';
import { pageQuery } from '../http/paging.js';
import { defineIdKind, org } from '../scope/index.js';
import { markRead, myNotifications } from './notifications.js';
import { openDeadlines } from './open-deadlines.js';
import type { DeadlineRegistry } from './openers.js';
import * as answers from './deadlines.responses.js';

/** A reminder: the caller's own. */
export const notification = defineIdKind('notification', (ctx, auth, ids) =>
  ctx.db
    .selectFrom('notifications')
    .select('id')
    .where('id', 'in', ids)
    .where('account_id', '=', auth.accountId)
    .execute(),
);

const openQuery = z
  .object({ orgId: org.inUrl().optional(), overdue: z.enum(['true', 'false']).optional(), ...pageQuery })
  .strict();

export function deadlineRoutes(ctx: AppContext, reg: DeadlineRegistry): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/deadlines',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.openDeadlinesAnswer },
          tags: ['deadlines'],
          summary: '在办时限与义务（全部种类）Every open deadline and duty in scope',
          querystring: openQuery,
        },
      },
      async (req) => openDeadlines(ctx, reg, requireAuth(req), { ...req.query, overdue: req.query.overdue === 'true' }),
    );
    app.get(
      '/my/notifications',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.myNotificationsAnswer },
          tags: ['talks'],
          summary: '我的提醒 My reminders (M-27)',
          querystring: z.object({ unread: z.enum(['true', 'false']).optional() }).strict(),
        },
      },
      async (req) => myNotifications(ctx, requireAuth(req), req.query.unread === 'true'),
    );
    app.post(
      '/my/notifications/:id/read',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.markReadAnswer },
          tags: ['talks'],
          summary: '标为已读 Mark read',
          params: notification.params(),
        },
      },
      async (req) => markRead(ctx, requireAuth(req), req.params.id),
    );
  };
}
