// The findings of every module's rules (issue 12 §5; base of M-80, M-81): list, counts, and a person's move.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { actorOf, requireAuth } from '../http/index.js';
import { pageQuery } from '../http/paging.js';
import { defineIdKind, org } from '../scope/index.js';
import { findingCounts, listFindings, moveFinding, visibleFindings } from './findings-read.js';
import * as answers from './findings.responses.js';

/** A finding: through its subject (a cadre through the cadre's unit, a unit itself). */
export const finding = defineIdKind('finding', (ctx, auth, ids) =>
  visibleFindings(ctx, auth).select('f.id as id').where('f.id', 'in', ids).execute(),
);

const RULE_ID = /^M-[0-9]{2}$/;
const listQuery = z
  .object({
    ruleId: z.string().regex(RULE_ID, '应为规则编号，如 M-07 / Must be a rule id such as M-07').optional(),
    level: z.enum(['red', 'yellow', 'green']).optional(),
    status: z.enum(['open', 'handled', 'dismissed']).optional(),
    all: z.enum(['true', 'false']).optional(),
    orgId: org.inUrl().optional(),
    ...pageQuery,
  })
  .strict();
const words = z
  .object({
    note: z.string().trim().min(2, '请写明理由（至少 2 个字）/ Give a reason (2 characters or more)').max(500),
  })
  .strict();

export function findingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['findings'];
    app.get(
      '/findings',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.findingPage },
          tags,
          summary: '预警发现（全部规则）Findings of every rule in scope',
          querystring: listQuery,
        },
      },
      async (req) => listFindings(ctx, requireAuth(req), { ...req.query, all: req.query.all === 'true' }),
    );
    app.get(
      '/findings/counts',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.findingCounts },
          tags,
          summary: '预警发现计数 Counts per rule, level and status',
          querystring: z.object({ orgId: org.inUrl().optional() }).strict(),
        },
      },
      async (req) => findingCounts(ctx, requireAuth(req), req.query),
    );
    for (const [move, summary] of [
      ['handle', '标记已处理（须写明处理情况）Mark handled, with a note'],
      ['dismiss', '排除（须说明理由）Dismiss, with a reason'],
    ] as const) {
      app.post(
        `/findings/:id/${move}`,
        {
          config: { access: 'cadres.write' },
          schema: { response: { 200: answers.findingMoved }, tags, summary, params: finding.params(), body: words },
        },
        async (req) => moveFinding(ctx, requireAuth(req), actorOf(req), req.params.id, move, req.body.note),
      );
    }
  };
}
