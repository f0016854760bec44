// An agenda item's opinions, votes, candidates, recusals and close (issue 14 §2, M-32): thin routes — permission,
// validation (every id through its kind, checked by the scope hook before a handler runs), one service call each,
// declared from one table.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Permission } from '../../platform/auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/index.js';
import type { Actor } from '../../platform/trail/index.js';
import { closeItem } from './close-item.js';
import * as answers from './meetings.responses.js';
import { meetingItem } from './meetings.scope.js';
import * as s from './opinions.schema.js';
import { addCandidate, castVote, declareConflict, giveOpinion } from './opinions.service.js';
import { signItem } from './signatures.service.js';

type Handler = (ctx: AppContext, actor: Actor, itemId: number, body: never) => Promise<unknown>;
const ROUTES: Array<
  [
    path: string,
    summary: string,
    body: z.ZodType,
    status: 200 | 201,
    answer: z.ZodType,
    run: Handler,
    access?: Permission,
  ]
> = [
  [
    'opinions',
    '发表意见（主要负责人末位表态） Give an opinion (the principal last)',
    s.opinionGive,
    201,
    answers.opinionGiven,
    giveOpinion,
  ],
  ['votes', '逐人表决 Vote on one candidate', s.voteCast, 201, answers.voteCast, castVote],
  [
    'candidates',
    '添加拟任人选（自动回避） Add a candidate (recusals follow)',
    s.candidateCreate,
    201,
    answers.candidateAdded,
    addCandidate,
  ],
  [
    'conflicts',
    '申明利益冲突并回避 Declare a conflict of interest',
    s.conflictDeclare,
    201,
    answers.conflictDeclared,
    declareConflict,
  ],
  [
    'close',
    '结束议题（表决或暂缓表决） Close an item (decided or deferred)',
    s.itemClose,
    200,
    answers.itemClosed,
    closeItem,
  ],
  [
    'sign',
    '提议人、主持人本人签名（再次验证密码或动态码） Sign as proposer or chair (confirm again)',
    s.itemSign,
    201,
    answers.itemSigned,
    signItem,
    'decisions.sign',
  ],
];

export function itemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const [path, summary, body, status, answer, run, access = 'decisions.write'] of ROUTES)
      app.post(
        `/meeting-items/:id/${path}`,
        {
          config: { access },
          schema: { tags: ['decisions'], summary, params: meetingItem.params(), body, response: { [status]: answer } },
        },
        async (req, reply) =>
          reply.status(status).send(await run(ctx, actorOf(req), (req.params as { id: number }).id, req.body as never)),
      );
  };
}
