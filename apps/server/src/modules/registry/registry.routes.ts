// Registry API under /api/v1 (M-01 … M-03). Routes are thin: permission → validated input → service.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, requireAuth, toLimitOffset } from '../../platform/http/index.js';
import { cadre, org } from '../../platform/scope/index.js';
import { post, relation, teamMember } from './registry.scope.js';
import { readTimeline } from '../../platform/dossier/index.js';
import { recordRead } from '../../platform/trail/index.js';
import * as s from './registry.schema.js';
import * as orgs from './org.service.js';
import * as cadres from './cadre.service.js';
import { getCadre } from './cadre-record.service.js';
import * as appt from './appointment.service.js';
import * as rel from './relation.service.js';
import * as flags from './flags.service.js';
import { sweep } from './rules/sweep.service.js';
import { rosterRoutes } from './roster/roster.routes.js';
import * as answers from './registry.responses.js';

export function registryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['registry'];
    // Static paths (/cadres/export.xlsx) next to parametric ones (/cadres/:id): find-my-way prefers the static one.
    await app.register(rosterRoutes(ctx));

    app.get(
      '/dicts',
      {
        config: { access: 'signed-in' },
        schema: { response: { 200: answers.dictsAnswer }, tags, summary: '字典 Dictionaries' },
      },
      async (req) => {
        requireAuth(req);
        const rows = await ctx.db.selectFrom('dict_items').selectAll().orderBy('dict').orderBy('sort').execute();
        const out: Record<string, Array<{ code: string; labelZh: string; labelEn: string; extra: unknown }>> = {};
        for (const r of rows) {
          out[r.dict] ??= [];
          out[r.dict].push({ code: r.code, labelZh: r.label_zh, labelEn: r.label_en, extra: r.extra });
        }
        return out;
      },
    );

    // ---- orgs (M-01)
    app.get(
      '/orgs',
      {
        config: { access: 'orgs.read' },
        schema: {
          response: { 200: answers.listChildrenAnswer },
          tags,
          summary: '下级单位 Child units in scope',
          querystring: s.orgChildrenQuery,
        },
      },
      async (req) => ({ items: await orgs.listChildren(ctx, requireAuth(req), actorOf(req), req.query.parentId) }),
    );
    app.get(
      '/orgs/:id',
      {
        config: { access: 'orgs.read' },
        schema: { response: { 200: answers.getOrgAnswer }, tags, summary: '单位 One unit', params: org.params() },
      },
      async (req) => orgs.getOrg(ctx, requireAuth(req), actorOf(req), req.params.id),
    );
    app.get(
      '/orgs/:id/tree',
      {
        config: { access: 'orgs.read' },
        schema: {
          response: { 200: answers.orgTreeNode },
          tags,
          summary: '组织树 Unit tree',
          params: org.params(),
          querystring: s.orgTreeQuery,
        },
      },
      async (req) => orgs.orgTree(ctx, requireAuth(req), actorOf(req), req.params.id, req.query.depth),
    );
    app.get(
      '/orgs/:id/moves',
      {
        config: { access: 'orgs.read' },
        schema: {
          response: { 200: answers.orgMovesAnswer },
          tags,
          summary: '隶属变更历史 Move history',
          params: org.params(),
        },
      },
      async (req) => ({ items: await orgs.orgMoves(ctx, requireAuth(req), actorOf(req), req.params.id) }),
    );
    app.post(
      '/orgs',
      {
        config: { access: 'orgs.write' },
        schema: { response: { 201: answers.getOrgAnswer }, tags, summary: '新建单位 Create unit', body: s.orgCreate },
      },
      async (req, reply) => reply.status(201).send(await orgs.createOrg(ctx, requireAuth(req), actorOf(req), req.body)),
    );
    app.patch(
      '/orgs/:id',
      {
        config: { access: 'orgs.write' },
        schema: {
          response: { 200: answers.getOrgAnswer },
          tags,
          summary: '修改单位 Update unit',
          params: org.params(),
          body: s.orgUpdate,
        },
      },
      async (req) => orgs.updateOrg(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/orgs/:id/move',
      {
        config: { access: 'orgs.write' },
        schema: {
          response: { 200: answers.getOrgAnswer },
          tags,
          summary: '调整隶属 Move unit',
          params: org.params(),
          body: s.orgMove,
        },
      },
      async (req) => orgs.moveOrg(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );

    // ---- leadership team (M-03)
    app.get(
      '/orgs/:id/team',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.orgTeamAnswer },
          tags,
          summary: '领导班子 Leadership team',
          params: org.params(),
          querystring: z.object({ includePast: z.enum(['true', 'false']).default('false') }).strict(),
        },
      },
      async (req) => ({
        items: await appt.orgTeam(ctx, requireAuth(req), actorOf(req), req.params.id, req.query.includePast === 'true'),
      }),
    );
    app.post(
      '/orgs/:id/team',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 201: answers.addTeamMemberAnswer },
          tags,
          summary: '班子成员 Add team member',
          params: org.params(),
          body: s.teamMemberCreate,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await appt.addTeamMember(ctx, requireAuth(req), actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/team-members/:id/leave',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 200: answers.addTeamMemberAnswer },
          tags,
          summary: '离开班子 Leave team',
          params: teamMember.params(),
          body: s.teamMemberLeave,
        },
      },
      async (req) => appt.leaveTeam(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );
    app.put(
      '/team-members/:id/portfolios',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 200: answers.setPortfoliosAnswer },
          tags,
          summary: '分管调整 Set portfolio',
          params: teamMember.params(),
          body: s.portfolioSet,
        },
      },
      async (req) => appt.setPortfolios(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );

    // ---- flags of the registry rules (M-04 … M-07)
    app.get(
      '/flags/summary',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.flagSummaryAnswer },
          tags,
          summary: '预警统计 Flag counts per rule',
          querystring: z.object({ orgId: org.inUrl().optional() }).strict(),
        },
      },
      async (req) => flags.flagSummary(ctx, requireAuth(req), actorOf(req), req.query.orgId),
    );
    app.get(
      '/flags/:ruleId',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.flaggedPage },
          tags,
          summary: '按规则的预警名单（如 M-07 轮岗到期）Cadres flagged by a rule',
          params: s.flagRuleParam,
          querystring: s.flagListQuery,
        },
      },
      async (req) => flags.listFlagged(ctx, requireAuth(req), actorOf(req), req.params.ruleId, req.query),
    );
    app.post(
      '/flags/sweep',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 200: answers.sweepResult },
          tags,
          summary: '重新评估 Re-evaluate a subtree',
          body: s.sweepBody,
        },
      },
      async (req) => {
        return sweep(ctx, actorOf(req), { rootOrgId: req.body.orgId });
      },
    );

    // ---- cadres (M-02)
    app.get(
      '/cadres',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.cadrePage },
          tags,
          summary: '干部列表 Cadre list',
          querystring: s.cadreListQuery,
        },
      },
      async (req) => cadres.listCadres(ctx, requireAuth(req), actorOf(req), req.query),
    );
    app.get(
      '/cadres/:id',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.getCadreAnswer },
          tags,
          summary: '干部档案 Cadre record',
          params: cadre.params(),
        },
      },
      async (req) => getCadre(ctx, requireAuth(req), actorOf(req), req.params.id),
    );
    app.get(
      '/cadres/:id/timeline',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: answers.timelinePage },
          tags,
          summary: '档案时间线 Dossier timeline (M-08)',
          params: cadre.params(),
          querystring: s.timelineQuery,
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        await cadres.visibleCadre(ctx, auth, actorOf(req), req.params.id);
        await recordRead(ctx.db, ctx.clock, actorOf(req), {
          action: 'cadre.timeline_read',
          entity: 'cadre',
          entityId: req.params.id,
        });
        return readTimeline(ctx.db, req.params.id, toLimitOffset(req.query));
      },
    );
    app.post(
      '/cadres',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 201: answers.createCadreAnswer },
          tags,
          summary: '新建干部 Create cadre',
          body: s.cadreCreate,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await cadres.createCadre(ctx, requireAuth(req), actorOf(req), req.body)),
    );
    app.patch(
      '/cadres/:id',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 200: answers.addTeamMemberAnswer },
          tags,
          summary: '修改干部 Update cadre',
          params: cadre.params(),
          body: s.cadreUpdate,
        },
      },
      async (req) => cadres.updateCadre(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/cadres/:id/posts',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 201: answers.addTeamMemberAnswer },
          tags,
          summary: '任职 Add post',
          params: cadre.params(),
          body: s.postCreate,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await appt.addPost(ctx, requireAuth(req), actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/posts/:id/end',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 200: answers.addTeamMemberAnswer },
          tags,
          summary: '免职 End post',
          params: post.params(),
          body: s.postEnd,
        },
      },
      async (req) => appt.endPost(ctx, requireAuth(req), actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/cadres/:id/relations',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 201: answers.addTeamMemberAnswer },
          tags,
          summary: '亲属关系 Add relation',
          params: cadre.params(),
          body: s.relationCreate,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await rel.addRelation(ctx, requireAuth(req), actorOf(req), req.params.id, req.body)),
    );
    app.delete(
      '/relations/:id',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 200: answers.addTeamMemberAnswer },
          tags,
          summary: '撤销亲属关系 Remove relation',
          params: relation.params(),
          querystring: z.object({ reason: z.string().trim().min(1).max(200) }).strict(),
        },
      },
      async (req) => rel.removeRelation(ctx, requireAuth(req), actorOf(req), req.params.id, req.query.reason),
    );
  };
}
