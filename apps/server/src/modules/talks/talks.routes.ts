// Talks and duties (M-20 … M-23, M-27): thin routes — permission, validation, one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { toCstDate } from '../../platform/clock/index.js';
import { actorOf, idParam, requireAuth } from '../../platform/http/index.js';
import { can } from '../../platform/auth/index.js';
import { orgInScope } from '../../platform/scope/index.js';
import * as s from './talks.schema.js';
import { listTalks, recordTalk, talkStats } from './talk.service.js';
import { compliance, generateDuties, listDuties, waiveDuty } from './duties.js';
import { DUTY_RULES, TALK_KINDS } from './talk-kinds.js';
import { markRead, myNotifications, remindDuties } from './reminders.js';
import { z } from 'zod';
import { AppError } from '../../platform/http/index.js';
import { XLSX_TYPE } from '../../platform/sheets/index.js';
import { importList, listTasks, template, updateTask, TASK_STATUS, type TaskStatus } from './responsibilities.js';

export function talksRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['talks'];
    /** A unit filter must name a unit in the caller's scope; its path is what the statistics need. */
    const unitInScope = (req: FastifyRequest, orgId: number) => orgInScope(ctx, req.auth!.scope, actorOf(req), orgId);
    app.get('/talks/dicts', { schema: { tags, summary: '谈话种类 Talk kinds and duty rules' } }, async (req) => {
      requireAuth(req);
      return { kinds: TALK_KINDS, dutyRules: DUTY_RULES };
    });
    app.post('/talks', { schema: { tags, summary: '登记谈话 Record a talk (M-20)', body: s.newTalk } }, async (req, reply) =>
      reply.status(201).send(await recordTalk(ctx, requireAuth(req, 'talks.write'), actorOf(req), req.body)));
    app.get('/talks', { schema: { tags, summary: '谈话记录 Talks in scope', querystring: s.talkQuery } }, async (req) =>
      listTalks(ctx, requireAuth(req, 'talks.read'), req.query));
    app.get('/talks/stats', { schema: { tags, summary: '谈话统计 Counts by kind (M-27)', querystring: s.statsQuery } }, async (req) => {
      const auth = requireAuth(req, 'talks.read');
      const unit = await unitInScope(req, req.query.orgId ?? auth.orgId);
      const today = toCstDate(ctx.clock.now());
      return talkStats(ctx, auth, { orgPath: unit.path, from: req.query.from ?? `${today.slice(0, 4)}-01-01`, to: req.query.to ?? today });
    });
    app.get('/obligations', { schema: { tags, summary: '监督义务 Duties in scope (?status=overdue)', querystring: s.dutyQuery } }, async (req) => {
      const auth = requireAuth(req, 'talks.read');
      if (req.query.orgId) await unitInScope(req, req.query.orgId);
      return listDuties(ctx, auth, req.query);
    });
    app.get('/obligations/compliance', { schema: { tags, summary: '履责情况 Compliance per leader', querystring: s.orgQuery } }, async (req) => {
      const auth = requireAuth(req, 'talks.read');
      if (req.query.orgId) await unitInScope(req, req.query.orgId);
      return compliance(ctx, auth, req.query);
    });
    app.get('/my/duties', { schema: { tags, summary: '我的监督责任 My duties', querystring: s.dutyQuery } }, async (req) =>
      listDuties(ctx, requireAuth(req), { ...req.query, mine: true }));
    app.post('/obligations/:id/waive', { schema: { tags, summary: '免除（须说明理由）Waive with a reason', params: idParam, body: s.waive } }, async (req) =>
      waiveDuty(ctx, requireAuth(req, 'duties.manage'), actorOf(req), req.params.id, req.body.reason));
    app.get('/my/notifications', { schema: { tags, summary: '我的提醒 My reminders (M-27)', querystring: z.object({ unread: z.enum(['true', 'false']).optional() }).strict() } },
      async (req) => myNotifications(ctx, requireAuth(req), req.query.unread === 'true'));
    app.post('/my/notifications/:id/read', { schema: { tags, summary: '标为已读 Mark read', params: idParam } }, async (req) =>
      markRead(ctx, requireAuth(req), req.params.id));
    app.post('/obligations/remind', { schema: { tags, summary: '发送到期与逾期提醒（定时任务同款）Run the reminder job' } }, async (req) => {
      requireAuth(req, 'duties.manage');
      return remindDuties(ctx, actorOf(req));
    });
    // M-24 the responsibility list: .xlsx import (dry run, then all or nothing), the list, progress.
    app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    const orgId = z.coerce.number().int().min(1).max(2_147_483_647);
    app.post('/responsibilities/import', { schema: { tags, summary: '导入责任清单 Import a responsibility list (.xlsx body)',
      querystring: z.object({ orgId, listName: z.string().trim().min(1).max(100), dryRun: z.enum(['true', 'false']).default('true') }).strict() } }, async (req) => {
      const auth = requireAuth(req, 'duties.manage');
      if (!Buffer.isBuffer(req.body)) throw new AppError(415, 'INVALID_MEDIA_TYPE', '请以 .xlsx 文件作为请求体上传', `Send the .xlsx file as the body (${XLSX_TYPE})`);
      return importList(ctx, auth, actorOf(req), req.query.orgId, req.query.listName, req.body, req.query.dryRun === 'true');
    });
    app.get('/responsibilities/template.xlsx', { schema: { tags, summary: '责任清单模板 Template' } }, async (req, reply) => {
      requireAuth(req, 'talks.read');
      return reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('责任清单模板.xlsx')}`).type(XLSX_TYPE).send(await template());
    });
    app.get('/responsibilities', { schema: { tags, summary: '责任清单 Tasks of a unit and below', querystring: z.object({ orgId, listName: z.string().max(100).optional(),
      overdue: z.enum(['true', 'false']).optional() }).strict() } }, async (req) =>
      listTasks(ctx, requireAuth(req, 'talks.read'), actorOf(req), { ...req.query, overdue: req.query.overdue === 'true' }));
    app.patch('/responsibilities/:id', { schema: { tags, summary: '更新任务进度 Update progress', params: idParam, body: z.object({
      status: z.enum(Object.keys(TASK_STATUS) as [TaskStatus, ...TaskStatus[]]), progress: z.string().trim().min(1).max(2000).optional(),
      completedOn: z.iso.date().optional() }).strict() } }, async (req) => {
      const auth = requireAuth(req);
      return updateTask(ctx, auth, actorOf(req), req.params.id, req.body, can(auth.role, 'duties.manage'));
    });
    app.post('/obligations/generate', { schema: { tags, summary: '生成监督义务（定时任务同款）Run the duty job for a range', body: s.generate } }, async (req) => {
      requireAuth(req, 'duties.manage');
      return generateDuties(ctx, actorOf(req), req.body);
    });
  };
}
