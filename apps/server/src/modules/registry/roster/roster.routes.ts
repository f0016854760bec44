// Rosters and documents: .xlsx import (dry run, then all or nothing), the template, and .xlsx exports of lists.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, AppError, DOCX_TYPE, fileAnswer, requireAuth } from '../../../platform/http/index.js';
import { writeWorkbook, XLSX_TYPE } from '../../../platform/sheets/index.js';
import { recordRead } from '../../../platform/trail/index.js';
import { listCadres } from '../cadre.service.js';
import { listFlagged } from '../flags.service.js';
import { dictLabel } from '../registry.dicts.js';
import { cadreListQuery, flagListQuery, flagRuleParam } from '../registry.schema.js';
import { EXAMPLES, SHEETS } from './roster-columns.dicts.js';
import { importRoster } from './roster-import.service.js';
import { dossierDocx } from './dossier-docx.service.js';
import { getCadre } from '../cadre-record.service.js';
import { readTimeline } from '../../../platform/dossier/index.js';
import { cadre, urlInt } from '../../../platform/scope/index.js';
import { toCstDate } from '../../../platform/clock/index.js';
import { maskIdCard } from '../id-card/index.js';
import * as answers from './roster.responses.js';

const dotted = (d: string | null) => (d ? d.slice(0, 7).replace('-', '.') : '今');

const EXPORT_MAX = 10_000;
const sendXlsx = (name: string, body: Buffer) => ({ name: encodeURIComponent(name), body });

export function rosterRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['roster'];
    app.addContentTypeParser(
      [XLSX_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const reply = (r: FastifyReply, file: { name: string; body: Buffer }) => {
      r.header('content-disposition', `attachment; filename*=UTF-8''${file.name}`);
      return r.type(XLSX_TYPE).send(file.body);
    };

    app.post(
      '/roster/import',
      {
        config: { access: ['cadres.write', 'orgs.write'] },
        schema: {
          response: { 200: answers.importResult },
          tags,
          summary: '名册导入 Import a roster (.xlsx body)',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict(),
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        if (!Buffer.isBuffer(req.body)) {
          throw new AppError(
            415,
            'INVALID_MEDIA_TYPE',
            '请以 .xlsx 文件作为请求体上传',
            `Send the .xlsx file as the body (${XLSX_TYPE})`,
          );
        }
        return importRoster(ctx, auth, actorOf(req), req.body, req.query.dryRun === 'true');
      },
    );

    app.get(
      '/roster/template.xlsx',
      {
        config: { access: 'cadres.write' },
        schema: {
          response: { 200: fileAnswer(XLSX_TYPE, '名册模板 .xlsx') },
          tags,
          summary: '名册模板 Roster template',
        },
      },
      async (req, r) => {
        requireAuth(req);
        const body = await writeWorkbook(
          Object.values(SHEETS).map((s, i) => ({
            name: s.name,
            columns: s.columns.map((title) => ({ title, width: 20 })),
            rows: Object.values(EXAMPLES)[i],
          })),
        );
        return reply(r, sendXlsx('干部名册模板.xlsx', body));
      },
    );

    app.get(
      '/cadres/:id/dossier.docx',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: fileAnswer(DOCX_TYPE, '年度档案 .docx') },
          tags,
          summary: '年度档案 Yearly dossier volume (.docx)',
          params: cadre.params(),
          querystring: z.object({ year: urlInt(2000, 2100).optional() }).strict(),
        },
      },
      async (req, r) => {
        const auth = requireAuth(req);
        const today = toCstDate(ctx.clock.now());
        const year = req.query.year ?? Number(today.slice(0, 4));
        const c = await getCadre(ctx, auth, actorOf(req), req.params.id); // scope check, read trailed
        const events = (await readTimeline(ctx.db, c.id, { limit: 1000, offset: 0 })).items
          .filter((e) => e.occurredOn.startsWith(`${year}-`))
          .reverse();
        const issuer =
          (await ctx.db.selectFrom('orgs').select('name').where('id', '=', auth.orgId).executeTakeFirst())?.name ?? '';
        const body = await dossierDocx({
          issuer: `${issuer}`,
          docNumber: `明鉴档〔${year}〕${c.id}号`,
          title: `${c.name}同志${year}年度廉政档案`,
          generatedAt: today,
          basics: [
            ['姓名', c.name],
            ['性别', c.gender === 'M' ? '男' : '女'],
            ['出生年月', dotted(c.birthDate)],
            ['民族', c.ethnicity ?? ''],
            ['政治面貌', dictLabel('party_status', c.partyStatus)],
            ['入党时间', c.partyJoinedOn ? dotted(c.partyJoinedOn) : ''],
            ['身份证号', maskIdCard(c.idCard)],
            ['档案管理单位', c.orgName],
          ],
          posts: [...c.posts]
            .reverse()
            .map(
              (p) =>
                `${dotted(p.startDate)}—${dotted(p.endDate)}　${p.orgName}${p.title}（${p.rankLabel}${p.isPrincipal ? '，一把手' : ''}）${p.appointDoc ? `，${p.appointDoc}` : ''}`,
            ),
          team: c.team.map(
            (m) =>
              `${m.orgName}领导班子${m.leftOn ? `（${dotted(m.joinedOn)}—${dotted(m.leftOn)}）` : `（${dotted(m.joinedOn)}起）`}：分管${
                m.portfolios
                  .filter((p) => !p.endDate)
                  .map((p) => p.areaLabel)
                  .join('、') || '—'
              }`,
          ),
          relatives: c.relations.map(
            (x) => `${x.kindLabel}：${x.relative ? `${x.relative.name}，${x.relative.orgName}` : '（不在查看范围内）'}`,
          ),
          events: events.map((e) => `${e.occurredOn}　${e.eventLabel}：${e.summary}`),
          flags: c.flags.map((f) => `【${f.ruleId}】${f.message}`),
          archiveSections: c.archive.map((s) => ({
            title: s.titleZh,
            items: s.items.map((i) => `${i.occurredOn}　${i.summary}`),
          })),
        });
        await recordRead(ctx.db, ctx.clock, actorOf(req), {
          action: 'cadre.dossier_export',
          entity: 'cadre',
          entityId: c.id,
          detail: { year },
        });
        r.header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${c.name}${year}年度档案.docx`)}`,
        );
        return r.type(DOCX_TYPE).send(body);
      },
    );

    app.get(
      '/cadres/export.xlsx',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: fileAnswer(XLSX_TYPE, '干部列表 .xlsx') },
          tags,
          summary: '导出干部列表 Export the cadre list',
          querystring: cadreListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (req, r) => {
        const auth = requireAuth(req);
        const list = await listCadres(ctx, auth, actorOf(req), { ...req.query, page: 1, pageSize: EXPORT_MAX });
        // Personal data leaving the system: who exported what, and how much.
        await recordRead(ctx.db, ctx.clock, actorOf(req), {
          action: 'cadre.export',
          entity: 'cadre',
          detail: { filters: { ...req.query }, rows: list.items.length, total: list.total },
        });
        const body = await writeWorkbook([
          {
            name: '干部列表',
            columns: [
              { title: '姓名' },
              { title: '身份证号（脱敏）', width: 22 },
              { title: '性别', width: 6 },
              { title: '出生日期', width: 12 },
              { title: '档案管理单位', width: 28 },
              { title: '现任职务', width: 28 },
              { title: '职级', width: 10 },
              { title: '一把手', width: 8 },
              { title: '预警', width: 20 },
            ],
            rows: list.items.map((c) => [
              c.name,
              c.idCardMasked,
              c.gender === 'M' ? '男' : '女',
              c.birthDate,
              c.orgName,
              c.currentPost,
              c.rank ? dictLabel('rank', c.rank) : '',
              c.isPrincipal ? '是' : '',
              c.flags
                .map((f) => f.ruleId)
                .filter((v, i, a) => a.indexOf(v) === i)
                .join(' '),
            ]),
          },
        ]);
        return reply(r, sendXlsx('干部列表.xlsx', body));
      },
    );

    app.get(
      '/flags/:ruleId/export.xlsx',
      {
        config: { access: 'cadres.read' },
        schema: {
          response: { 200: fileAnswer(XLSX_TYPE, '预警名单 .xlsx') },
          tags,
          summary: '导出预警名单 Export a flag list',
          params: flagRuleParam,
          querystring: flagListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (req, r) => {
        const auth = requireAuth(req);
        const list = await listFlagged(ctx, auth, actorOf(req), req.params.ruleId, {
          ...req.query,
          page: 1,
          pageSize: EXPORT_MAX,
        });
        await recordRead(ctx.db, ctx.clock, actorOf(req), {
          action: 'flags.export',
          entity: 'cadre_flags',
          detail: { ruleId: req.params.ruleId, filters: { ...req.query }, rows: list.items.length },
        });
        const level = { red: '红', yellow: '黄', green: '绿' } as const;
        const body = await writeWorkbook([
          {
            name: `${req.params.ruleId}名单`,
            columns: [
              { title: '姓名' },
              { title: '身份证号（脱敏）', width: 22 },
              { title: '档案管理单位', width: 28 },
              { title: '等级', width: 6 },
              { title: '情形', width: 60 },
              { title: '起算日', width: 12 },
              { title: '已满年数', width: 8 },
              { title: '评估日', width: 12 },
            ],
            rows: list.items.map((i) => [
              i.name,
              i.idCardMasked,
              i.orgName,
              level[i.level],
              i.message,
              String(i.evidence[0]?.since ?? ''),
              typeof i.evidence[0]?.years === 'number' ? (i.evidence[0].years as number) : null,
              i.evaluatedOn,
            ]),
          },
        ]);
        return reply(r, sendXlsx(`${req.params.ruleId}名单.xlsx`, body));
      },
    );
  };
}
