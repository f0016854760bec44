// Personal matters reports (issue 15 §1, M-40): thin routes — permission, validation (ids through their kinds), one call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, requireAuth } from '../../platform/http/index.js';
import { pmReport } from './personal.scope.js';
import { getReport, listReports } from './read.service.js';
import * as answers from './reports.responses.js';
import * as s from './reports.schema.js';
import { correctReport, createReport, saveItems } from './reports.service.js';
import { submitReport } from './submit.service.js';
import { dutyListQuery, listDuties } from './duties.read.js';
import { itemForms } from './items.form.js';
import { drawRoutes } from './draw.routes.js';

export function personalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['personal'];
    const access = { access: 'personal.file' as const };
    app.get(
      '/personal-reports',
      {
        config: access,
        schema: {
          tags,
          summary: '个人有关事项报告列表（本人，或组织部门范围内的干部） Personal matters reports',
          querystring: s.reportListQuery,
          response: { 200: answers.reportList },
        },
      },
      async (req) => listReports(ctx, requireAuth(req), req.query),
    );
    await app.register(drawRoutes(ctx));
    const forms = itemForms(); // computed once: the schemas do not change while the server runs
    app.get(
      '/personal-reports/forms',
      {
        config: access,
        schema: {
          tags,
          summary: '各类事项的填报项（与校验同源） The fields of each item kind',
          response: { 200: answers.itemForms },
        },
      },
      async () => forms,
    );
    app.get(
      '/personal-duties',
      {
        config: { access: 'personal.manage' },
        schema: {
          tags,
          summary: '年度报告情况：已报、逾期报告、未报（报告管理） Who filed the annual report, late or not at all',
          querystring: dutyListQuery,
          response: { 200: answers.dutyList },
        },
      },
      async (req) => listDuties(ctx, requireAuth(req), req.query),
    );
    app.post(
      '/personal-reports',
      {
        config: access,
        schema: {
          tags,
          summary: '新建个人有关事项报告（草稿） Open a report (a draft)',
          body: s.newReport,
          response: { 201: answers.reportCreated },
        },
      },
      async (req, reply) => reply.code(201).send(await createReport(ctx, actorOf(req), requireAuth(req), req.body)),
    );
    app.get(
      '/personal-reports/:id',
      {
        config: access,
        schema: {
          tags,
          summary: '个人有关事项报告（查看留痕） A report with its items (the read is trailed)',
          params: pmReport.params(),
          response: { 200: answers.reportDetail },
        },
      },
      async (req) => getReport(ctx, actorOf(req), req.params.id),
    );
    app.put(
      '/personal-reports/:id/items',
      {
        config: access,
        schema: {
          tags,
          summary: '保存报告事项（草稿） Save the items of a draft',
          params: pmReport.params(),
          body: s.reportItems,
          response: { 200: answers.itemsSaved },
        },
      },
      async (req) => saveItems(ctx, actorOf(req), req.params.id, req.body.items),
    );
    app.post(
      '/personal-reports/:id/submit',
      {
        config: access,
        schema: {
          tags,
          summary: '本人签名提交 Submit, signed in person',
          params: pmReport.params(),
          body: s.reportSign,
          response: { 200: answers.reportSubmitted },
        },
      },
      async (req) => submitReport(ctx, actorOf(req), requireAuth(req), req.params.id, req.body),
    );
    app.post(
      '/personal-reports/:id/corrections',
      {
        config: access,
        schema: {
          tags,
          summary: '补报或更正（新版本） A correction: the next version, linked',
          params: pmReport.params(),
          response: { 201: answers.reportCorrected },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await correctReport(ctx, actorOf(req), requireAuth(req), req.params.id)),
    );
  };
}
