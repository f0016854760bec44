// Interference records, quarterly reports and large expenses with joint signatures (issue 14 §7, M-37): thin routes —
// permission, validation (ids through their kinds), one call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, requireAuth } from '../../platform/http/index.js';
import { createExpense, listExpenses, signExpense } from './expenses.service.js';
import * as s from './interference.schema.js';
import * as answers from './interference.responses.js';
import { createInterference, leadersAbove, listInterference } from './interference.service.js';
import { expense } from './meetings.scope.js';
import { fileQuarterReport, listQuarterReports } from './quarter-reports.service.js';

export function interferenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['decisions'];
    app.get(
      '/interference-records',
      {
        config: { access: 'interference.record' },
        schema: {
          tags,
          summary: '插手干预重大事项记录 Interference records (M-37): own, or those in scope for the readers',
          querystring: s.interferenceListQuery,
          response: { 200: answers.interferencePage },
        },
      },
      async (req) => listInterference(ctx, actorOf(req), requireAuth(req), req.query),
    );
    app.get(
      '/cadres/:id/interference-records',
      {
        config: { access: 'interference.dossier' },
        schema: {
          tags,
          summary: '档案中的插手干预记录（仅纪委监委） Interference records naming this cadre, in the dossier',
          params: s.cadreInterferenceParams,
          querystring: s.cadreInterferenceQuery,
          response: { 200: answers.interferencePage },
        },
      },
      async (req) => listInterference(ctx, actorOf(req), requireAuth(req), { ...req.query, cadreId: req.params.id }),
    );
    app.get(
      '/interference-records/leaders',
      {
        config: { access: 'interference.record' },
        schema: {
          tags,
          summary: '可选的领导干部（本单位及上级单位在任） Leaders a record can name',
          querystring: s.leadersQuery,
          response: { 200: answers.leadersAbove },
        },
      },
      async (req) => leadersAbove(ctx, req.query.orgId),
    );
    app.post(
      '/interference-records',
      {
        config: { access: 'interference.record' },
        schema: {
          tags,
          summary: '记录插手干预 Record a request to intervene',
          body: s.interferenceCreate,
          response: { 201: answers.interferenceCreated },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createInterference(ctx, actorOf(req), requireAuth(req), req.body)),
    );
    app.get(
      '/interference-reports',
      {
        config: { access: 'decisions.read' },
        schema: {
          tags,
          summary: '季度报告 Quarterly reports of a year, unit by unit',
          querystring: s.quarterListQuery,
          response: { 200: answers.quarterReports },
        },
      },
      async (req) => listQuarterReports(ctx, requireAuth(req), req.query),
    );
    app.post(
      '/interference-reports',
      {
        config: { access: 'decisions.sign' },
        schema: {
          tags,
          summary: '主要负责人签署季度报告（含零报告） The principal files and signs a quarterly report',
          body: s.quarterReport,
          response: { 201: answers.quarterFiled },
        },
      },
      async (req, reply) => reply.status(201).send(await fileQuarterReport(ctx, actorOf(req), req.body)),
    );
    app.get(
      '/expenses',
      {
        config: { access: 'decisions.read' },
        schema: {
          tags,
          summary: '大额支出与会签 Large expenses and their joint signatures',
          querystring: s.expenseListQuery,
          response: { 200: answers.expensePage },
        },
      },
      async (req) => listExpenses(ctx, requireAuth(req), req.query),
    );
    app.post(
      '/expenses',
      {
        config: { access: 'decisions.write' },
        schema: {
          tags,
          summary: '登记大额支出 Record an expense',
          body: s.expenseCreate,
          response: { 201: answers.expenseCreated },
        },
      },
      async (req, reply) => reply.status(201).send(await createExpense(ctx, actorOf(req), requireAuth(req), req.body)),
    );
    app.post(
      '/expenses/:id/sign',
      {
        config: { access: 'decisions.sign' },
        schema: {
          tags,
          summary: '班子成员本人会签 A team member signs',
          params: expense.params(),
          body: s.expenseSign,
          response: { 201: answers.expenseSigned },
        },
      },
      async (req, reply) => reply.status(201).send(await signExpense(ctx, actorOf(req), req.params.id, req.body)),
    );
  };
}
