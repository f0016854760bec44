// Emergency decisions (issue 14 §4, M-34): thin routes — permission, validation (ids through their kinds), one call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, requireAuth } from '../../platform/http/index.js';
import * as s from './emergency.schema.js';
import * as answers from './emergency.responses.js';
import { createEmergency, listEmergencies, reportEmergency } from './emergency.service.js';
import { emergency } from './meetings.scope.js';
import { signEmergency } from './emergency-sign.service.js';
import { itemSign } from './opinions.schema.js';

export function emergencyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['decisions'];
    app.get(
      '/emergency-decisions',
      {
        config: { access: 'decisions.read' },
        schema: {
          tags,
          summary: '临时决策 Emergency decisions (M-34)',
          querystring: s.emergencyListQuery,
          response: { 200: answers.emergencyPage },
        },
      },
      async (req) => listEmergencies(ctx, requireAuth(req), req.query),
    );
    app.post(
      '/emergency-decisions',
      {
        config: { access: 'decisions.write' },
        schema: {
          tags,
          summary: '补记临时决策 Record an emergency decision',
          body: s.emergencyCreate,
          response: { 201: answers.emergencyCreated },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createEmergency(ctx, actorOf(req), requireAuth(req), req.body)),
    );
    app.post(
      '/emergency-decisions/:id/report',
      {
        config: { access: 'decisions.write' },
        schema: {
          tags,
          summary: '在会议上通报 Report it at a meeting',
          params: emergency.params(),
          body: s.emergencyReport,
          response: { 200: answers.emergencyReported },
        },
      },
      async (req) => reportEmergency(ctx, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/emergency-decisions/:id/sign',
      {
        config: { access: 'decisions.sign' },
        schema: {
          tags,
          summary: '提议人本人签名（再次验证密码或动态码） The proposer signs (confirm again)',
          params: emergency.params(),
          body: itemSign,
          response: { 201: answers.emergencySigned },
        },
      },
      async (req, reply) => reply.status(201).send(await signEmergency(ctx, actorOf(req), req.params.id, req.body)),
    );
  };
}
