// Obligation templates, occasions and supervision records (M-21, M-23, M-25, M-26): thin routes — permission,
// validation, one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, ANY_FILE_TYPE, fileAnswer, requireAuth } from '../../platform/http/index.js';
import {
  acceptFileBodies,
  FILE_MAX_BYTES,
  fileNameHeader,
  fileNameOf,
  sendDownload,
} from '../../platform/files/index.js';
import { addRecordAttachment, readRecordAttachment } from './record-attachments.service.js';
import * as s from './talks.schema.js';
import { OBLIGATIONS } from './obligations.service.js';
import { occasionDicts, recordOccasion } from './occasions.service.js';
import { listActivities, recordActivity } from './activities.service.js';
import { ACTIVITY_KINDS, VERDICTS } from './talk-kinds.dicts.js';
import { activity, activityFile, talk, talkFile } from './talks.scope.js';
import * as answers from './obligations.responses.js';

const RECORDS = { talk: [talk, talkFile], activity: [activity, activityFile] } as const;

export function obligationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['talks'];
    app.get(
      '/obligations/templates',
      {
        config: { access: 'signed-in' },
        schema: {
          response: { 200: answers.obligationsTemplatesAnswer },
          tags,
          summary: '监督义务模板、必谈事由与记录种类 Templates, occasions, record kinds',
        },
      },
      async (req) => {
        requireAuth(req);
        return {
          templates: Object.entries(OBLIGATIONS).map(([code, t]) => ({ code, ...t })),
          occasions: occasionDicts(),
          activityKinds: ACTIVITY_KINDS,
          verdicts: VERDICTS,
        };
      },
    );
    app.post(
      '/talk-occasions',
      {
        config: { access: 'talks.write' },
        schema: {
          response: { 201: answers.recordOccasionAnswer },
          tags,
          summary: '登记必谈事由 Record an occasion that calls for a talk (M-21)',
          body: s.occasion,
        },
      },
      async (req, reply) => reply.status(201).send(await recordOccasion(ctx, requireAuth(req), actorOf(req), req.body)),
    );
    app.post(
      '/activities',
      {
        config: { access: 'talks.write' },
        schema: {
          response: { 201: answers.recordActivityAnswer },
          tags,
          summary: '登记调研、党课、专项检查、听取汇报、纪委书记提醒 Record supervision work (M-23, M-25, M-26)',
          body: s.newActivity,
        },
      },
      async (req, reply) => reply.status(201).send(await recordActivity(ctx, requireAuth(req), actorOf(req), req.body)),
    );
    // Attachments (M-20 talk records, M-23 … M-26 minutes and reports): one file per request as the body, as for reports.
    await app.register(async (scope) => {
      acceptFileBodies(scope);
      const files = scope.withTypeProvider<ZodTypeProvider>();
      for (const [path, entity, label] of [
        ['talks', 'talk', '谈话'],
        ['activities', 'activity', '监督工作记录'],
      ] as const) {
        const [record, file] = RECORDS[entity];
        files.post(
          `/${path}/:id/attachments`,
          {
            bodyLimit: FILE_MAX_BYTES,
            config: { access: 'talks.write' },
            schema: {
              response: { 201: answers.addRecordAttachmentAnswer },
              tags,
              summary: `上传${label}附件 Attach a file (body: the file; header x-file-name, percent-encoded)`,
              params: record.params(),
              headers: fileNameHeader,
              querystring: z.object({}).strict(),
            },
          },
          async (req, reply) =>
            reply
              .status(201)
              .send(
                await addRecordAttachment(
                  ctx,
                  requireAuth(req),
                  actorOf(req),
                  entity,
                  req.params.id,
                  fileNameOf(req.headers['x-file-name']),
                  req.body,
                ),
              ),
        );
        files.get(
          `/${path}/:id/attachments/:fileId`,
          {
            config: { access: 'talks.read' },
            schema: {
              response: { 200: fileAnswer(ANY_FILE_TYPE, '附件（下载）Attachment, as a download') },
              tags,
              summary: `下载${label}附件 Download`,
              params: z.object({ id: record.inUrl(), fileId: file.inUrl() }).strict(),
            },
          },
          async (req, reply) =>
            sendDownload(
              reply,
              await readRecordAttachment(ctx, requireAuth(req), actorOf(req), entity, req.params.id, req.params.fileId),
            ),
        );
      }
    });
    app.get(
      '/activities',
      {
        config: { access: 'talks.read' },
        schema: {
          response: { 200: answers.activityPage },
          tags,
          summary: '监督工作记录 Supervision records in scope',
          querystring: s.activityQuery,
        },
      },
      async (req) => listActivities(ctx, requireAuth(req), actorOf(req), req.query),
    );
  };
}
