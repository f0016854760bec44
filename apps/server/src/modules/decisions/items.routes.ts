// An agenda item's opinions, votes, candidates, recusals and close (issue 14 §2, M-32): thin routes — permission,
// validation (every id through its kind, checked by the scope hook before a handler runs), one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/index.js';
import { closeItem } from './close-item.js';
import * as answers from './meetings.responses.js';
import { meetingItem } from './meetings.scope.js';
import * as s from './opinions.schema.js';
import { addCandidate, castVote, declareConflict, giveOpinion } from './opinions.service.js';

export function itemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['decisions'];
    const config = { access: 'decisions.write' } as const;
    const params = meetingItem.params();
    app.post(
      '/meeting-items/:id/opinions',
      {
        config,
        schema: {
          tags,
          summary: '发表意见（主要负责人末位表态） Give an opinion (the principal last)',
          params,
          body: s.opinionGive,
          response: { 201: answers.opinionGiven },
        },
      },
      async (req, reply) => reply.status(201).send(await giveOpinion(ctx, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/meeting-items/:id/votes',
      {
        config,
        schema: {
          tags,
          summary: '逐人表决 Vote on one candidate',
          params,
          body: s.voteCast,
          response: { 201: answers.voteCast },
        },
      },
      async (req, reply) => reply.status(201).send(await castVote(ctx, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/meeting-items/:id/candidates',
      {
        config,
        schema: {
          tags,
          summary: '添加拟任人选（自动回避） Add a candidate (recusals follow)',
          params,
          body: s.candidateCreate,
          response: { 201: answers.candidateAdded },
        },
      },
      async (req, reply) => reply.status(201).send(await addCandidate(ctx, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/meeting-items/:id/conflicts',
      {
        config,
        schema: {
          tags,
          summary: '申明利益冲突并回避 Declare a conflict of interest',
          params,
          body: s.conflictDeclare,
          response: { 201: answers.conflictDeclared },
        },
      },
      async (req, reply) => reply.status(201).send(await declareConflict(ctx, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/meeting-items/:id/close',
      {
        config,
        schema: {
          tags,
          summary: '结束议题（表决或暂缓表决） Close an item (decided or deferred)',
          params,
          body: s.itemClose,
          response: { 200: answers.itemClosed },
        },
      },
      async (req) => closeItem(ctx, actorOf(req), req.params.id, req.body),
    );
  };
}
