// The spot-check draw's routes (issue 15 §2, M-41): open (the seed committed), draw (revealed, signed, fixed), read.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, requireAuth } from '../../platform/http/index.js';
import { pmDraw } from './personal.scope.js';
import { drawRun, newDraw } from './draw.schema.js';
import { getDraw, openDraw, runDraw } from './draw.service.js';

const record = z.object({
  algorithm: z.string(),
  year: z.number(),
  orgId: z.number(),
  shareBp: z.number(),
  commitment: z.string(),
  seed: z.string(),
  eligible: z.array(z.number()),
  eligibleDigest: z.string(),
  drawn: z.array(z.number()),
  cohorts: z.array(z.object({ cadreId: z.number(), cohort: z.string() })),
  drawnAt: z.string(),
});
const drawDetail = z.object({
  id: z.number(),
  orgId: z.number(),
  year: z.number(),
  shareBp: z.number(),
  commitment: z.string(),
  drawnAt: z.string().nullable(),
  record: record.nullable(),
  proof: z.record(z.string(), z.unknown()).nullable(),
  publicKey: z.string(),
  members: z.array(z.object({ cadreId: z.number(), reason: z.string(), name: z.string(), orgName: z.string() })),
});

export function drawRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['personal'];
    const config = { access: 'personal.manage' as const };
    app.post(
      '/personal-draws',
      {
        config,
        schema: {
          tags,
          summary: '开立年度随机抽查（先公布种子承诺） Open a spot check: the seed is committed first',
          body: newDraw,
          response: { 201: z.object({ id: z.number(), commitment: z.string(), shareBp: z.number() }) },
        },
      },
      async (req, reply) => reply.code(201).send(await openDraw(ctx, actorOf(req), requireAuth(req), req.body)),
    );
    app.post(
      '/personal-draws/:id/draw',
      {
        config,
        schema: {
          tags,
          summary: '抽取：公开种子、名单摘要与结果，签名固定 Draw: the seed revealed, the record signed and fixed',
          params: pmDraw.params(),
          body: drawRun,
          response: { 200: record.extend({ id: z.number() }) },
        },
      },
      async (req) => runDraw(ctx, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/personal-draws/:id',
      {
        config,
        schema: {
          tags,
          summary: '抽查记录（可导出复核） A draw and its record, to replay',
          params: pmDraw.params(),
          response: { 200: drawDetail },
        },
      },
      async (req) => getDraw(ctx, actorOf(req), req.params.id),
    );
  };
}
