// Talks and duties (M-20 … M-23, M-27): thin routes — permission, validation, one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { toCstDate } from '../../platform/clock/index.js';
import { actorOf, requireAuth } from '../../platform/http/index.js';
import { can } from '../../platform/auth/index.js';
import { org, orgInScope } from '../../platform/scope/index.js';
import { duty, responsibility } from './talks.scope.js';
import * as s from './talks.schema.js';
import { listTalks, recordTalk, talkStats } from './talk.service.js';
import { compliance, generateDuties, listDuties, waiveDuty } from './duties.service.js';
import { DUTY_RULES, TALK_KINDS } from './talk-kinds.dicts.js';
import { remindDuties } from './reminders.service.js';
import { z } from 'zod';
import { AppError, fileAnswer } from '../../platform/http/index.js';
import { XLSX_TYPE } from '../../platform/sheets/index.js';
import {
  importList,
  listTasks,
  template,
  updateTask,
  TASK_STATUS,
  type TaskStatus,
} from './responsibilities.service.js';
import * as answers from './talks.responses.js';

export function talksRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['talks'];
    /** A unit filter must name a unit in the caller's scope; its path is what the statistics need. */
    const unitInScope = (req: FastifyRequest, orgId: number) => orgInScope(ctx, req.auth!.scope, actorOf(req), orgId);
    app.get(
      '/talks/dicts',
      {
        config: { access: 'signed-in' },
        schema: { response: { 200: answers.talkDicts }, tags, summary: '谈话种类 Talk kinds and duty rules' },
      },
      async (req) => {
        requireAuth(req);
        return { kinds: TALK_KINDS, dutyRules: DUTY_RULES };
      },
    );
    app.post(
      '/talks',
      {
        config: { access: 'talks.write' },
        schema: {
          response: { 201: answers.recordTalkAnswer },
          tags,
          summary: '登记谈话 Record a talk (M-20)',
          body: s.newTalk,
        },
      },
      async (req, reply) => reply.status(201).send(await recordTalk(ctx, requireAuth(req), actorOf(req), req.body)),
    );
    app.get(
      '/talks',
      {
        config: { access: 'talks.read' },
        schema: {
          response: { 200: answers.talkPage },
          tags,
          summary: '谈话记录 Talks in scope',
          querystring: s.talkQuery,
        },
      },
      async (req) => listTalks(ctx, requireAuth(req), req.query),
    );
    app.get(
      '/talks/stats',
      {
        config: { access: 'talks.read' },
        schema: {
          response: { 200: answers.talkStats },
          tags,
          summary: '谈话统计 Counts by kind (M-27)',
          querystring: s.statsQuery,
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const unit = await unitInScope(req, req.query.orgId ?? auth.orgId);
        const today = toCstDate(ctx.clock.now());
        return talkStats(ctx, auth, {
          orgPath: unit.path,
          from: req.query.from ?? `${today.slice(0, 4)}-01-01`,
          to: req.query.to ?? today,
        });
      },
    );
    app.get(
      '/obligations',
      {
        config: { access: 'talks.read' },
        schema: {
          response: { 200: answers.dutyPage },
          tags,
          summary: '监督义务 Duties in scope (?status=overdue)',
          querystring: s.dutyQuery,
        },
      },
      async (req) => listDuties(ctx, requireAuth(req), req.query),
    );
    app.get(
      '/obligations/compliance',
      {
        config: { access: 'talks.read' },
        schema: {
          response: { 200: answers.complianceAnswer },
          tags,
          summary: '履责情况 Compliance per leader',
          querystring: s.orgQuery,
        },
      },
      async (req) => compliance(ctx, requireAuth(req), req.query),
    );
    app.get(
      '/my/duties',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.dutyPage },
          tags,
          summary: '我的监督责任 My duties',
          querystring: s.dutyQuery,
        },
      },
      async (req) => listDuties(ctx, requireAuth(req), { ...req.query, mine: true }),
    );
    app.post(
      '/obligations/:id/waive',
      {
        config: { access: 'duties.manage' },
        schema: {
          response: { 200: answers.waiveDutyAnswer },
          tags,
          summary: '免除（须说明理由）Waive with a reason',
          params: duty.params(),
          body: s.waive,
        },
      },
      async (req) => waiveDuty(ctx, requireAuth(req), actorOf(req), req.params.id, req.body.reason),
    );
    // Jobs by hand run for the caller's units only (issue 11 §2): the duties about units in its scope; the daily job runs for all.
    app.post(
      '/obligations/remind',
      {
        config: { access: 'duties.manage' },
        schema: {
          response: { 200: answers.remindDutiesAnswer },
          tags,
          summary: '发送到期与逾期提醒（本单位及下级）Run the reminder job for the units in scope',
        },
      },
      async (req) => remindDuties(ctx, actorOf(req), { within: requireAuth(req).scope }),
    );
    // M-24 the responsibility list: .xlsx import (dry run, then all or nothing), the list, progress.
    app.addContentTypeParser(
      [XLSX_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const orgId = org.inUrl();
    app.post(
      '/responsibilities/import',
      {
        config: { access: 'duties.manage' },
        schema: {
          response: { 200: answers.listImport },
          tags,
          summary: '导入责任清单 Import a responsibility list (.xlsx body)',
          querystring: z
            .object({
              orgId,
              listName: z.string().trim().min(1).max(100),
              dryRun: z.enum(['true', 'false']).default('true'),
            })
            .strict(),
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            415,
            'INVALID_MEDIA_TYPE',
            '请以 .xlsx 文件作为请求体上传',
            `Send the .xlsx file as the body (${XLSX_TYPE})`,
          );
        return importList(
          ctx,
          auth,
          actorOf(req),
          req.query.orgId,
          req.query.listName,
          req.body,
          req.query.dryRun === 'true',
        );
      },
    );
    app.get(
      '/responsibilities/template.xlsx',
      {
        config: { access: 'talks.read' },
        schema: {
          response: { 200: fileAnswer(XLSX_TYPE, '责任清单模板 .xlsx') },
          tags,
          summary: '责任清单模板 Template',
        },
      },
      async (req, reply) => {
        requireAuth(req);
        return reply
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('责任清单模板.xlsx')}`)
          .type(XLSX_TYPE)
          .send(await template());
      },
    );
    app.get(
      '/responsibilities',
      {
        config: { access: 'talks.read' },
        schema: {
          response: { 200: answers.listTasksAnswer },
          tags,
          summary: '责任清单 Tasks of a unit and below',
          querystring: z
            .object({ orgId, listName: z.string().max(100).optional(), overdue: z.enum(['true', 'false']).optional() })
            .strict(),
        },
      },
      async (req) =>
        listTasks(ctx, requireAuth(req), actorOf(req), { ...req.query, overdue: req.query.overdue === 'true' }),
    );
    // The lead leader (any role: checked by the task) or the organization department.
    app.patch(
      '/responsibilities/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.updateTaskAnswer },
          tags,
          summary: '更新任务进度 Update progress',
          params: responsibility.params(),
          body: z
            .object({
              status: z.enum(Object.keys(TASK_STATUS) as [TaskStatus, ...TaskStatus[]]),
              progress: z.string().trim().min(1).max(2000).optional(),
              completedOn: z.iso.date().optional(),
            })
            .strict(),
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        return updateTask(ctx, auth, actorOf(req), req.params.id, req.body, can(auth.role, 'duties.manage'));
      },
    );
    app.post(
      '/obligations/generate',
      {
        config: { access: 'duties.manage' },
        schema: {
          response: { 200: answers.generateDutiesAnswer },
          tags,
          summary: '生成监督义务（本单位及下级）Run the duty job for a range, for the units in scope',
          body: s.generate,
        },
      },
      async (req) => generateDuties(ctx, actorOf(req), req.body, requireAuth(req).scope),
    );
  };
}
