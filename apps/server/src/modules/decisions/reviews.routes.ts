// Result reviews (issue 14 §6, M-36): thin routes — permission, validation (ids through their kinds), one call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, requireAuth } from '../../platform/http/index.js';
import { meetingItem, resultReview } from './meetings.scope.js';
import * as s from './reviews.schema.js';
import * as answers from './reviews.responses.js';
import { enterReview, listReviews, recordCompletion } from './reviews.service.js';

export function reviewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['decisions'];
    app.get(
      '/result-reviews',
      {
        config: { access: 'decisions.read' },
        schema: {
          tags,
          summary: '决策结果查究 Result reviews (M-36)',
          querystring: s.reviewListQuery,
          response: { 200: answers.reviewPage },
        },
      },
      async (req) => listReviews(ctx, requireAuth(req), req.query),
    );
    app.post(
      '/meeting-items/:id/completion',
      {
        config: { access: 'decisions.write' },
        schema: {
          tags,
          summary: '登记项目完成，开启结果查究 Record the completion (opens the review)',
          params: meetingItem.params(),
          body: s.itemCompletion,
          response: { 201: answers.reviewOpened },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await recordCompletion(ctx, actorOf(req), requireAuth(req), req.params.id, req.body)),
    );
    app.post(
      '/result-reviews/:id/review',
      {
        config: { access: 'decisions.write' },
        schema: {
          tags,
          summary: '录入结果查究 Enter the review',
          params: resultReview.params(),
          body: s.reviewEntry,
          response: { 200: answers.reviewEntered },
        },
      },
      async (req) => enterReview(ctx, actorOf(req), requireAuth(req), req.params.id, req.body),
    );
  };
}
