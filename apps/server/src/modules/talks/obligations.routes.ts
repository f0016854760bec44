// Obligation templates, occasions and supervision records (M-21, M-23, M-25, M-26): thin routes — permission,
// validation, one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, requireAuth } from '../../platform/http/index.js';
import * as s from './talks.schema.js';
import { OBLIGATIONS } from './obligations.js';
import { occasionDicts, recordOccasion } from './occasions.js';
import { ACTIVITY_KINDS, listActivities, recordActivity, VERDICTS } from './activities.js';

export function obligationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['talks'];
    app.get('/obligations/templates', { schema: { tags, summary: '监督义务模板、必谈事由与记录种类 Templates, occasions, record kinds' } }, async (req) => {
      requireAuth(req);
      return { templates: Object.entries(OBLIGATIONS).map(([code, t]) => ({ code, ...t })), occasions: occasionDicts(), activityKinds: ACTIVITY_KINDS, verdicts: VERDICTS };
    });
    app.post('/talk-occasions', { schema: { tags, summary: '登记必谈事由 Record an occasion that calls for a talk (M-21)', body: s.occasion } }, async (req, reply) =>
      reply.status(201).send(await recordOccasion(ctx, requireAuth(req, 'talks.write'), actorOf(req), req.body)));
    app.post('/activities', { schema: { tags, summary: '登记调研、党课、专项检查、听取汇报、纪委书记提醒 Record supervision work (M-23, M-25, M-26)', body: s.newActivity } },
      async (req, reply) => reply.status(201).send(await recordActivity(ctx, requireAuth(req, 'talks.write'), actorOf(req), req.body)));
    app.get('/activities', { schema: { tags, summary: '监督工作记录 Supervision records in scope', querystring: s.activityQuery } }, async (req) =>
      listActivities(ctx, requireAuth(req, 'talks.read'), actorOf(req), req.query));
  };
}
