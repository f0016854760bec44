// Meetings (issue 14 §1, M-30, M-31): thin routes — permission, validation (every id through its kind, so the
// scope hook has checked it before a handler runs), one service call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, fileAnswer, requireAuth } from '../../platform/http/index.js';
import * as s from './meetings.schema.js';
import { addAddendum } from './addenda.service.js';
import * as answers from './meetings.responses.js';
import { meeting } from './meetings.scope.js';
import { getMeeting } from './meeting-read.js';
import { checkSeal, sealMeeting } from './seal.service.js';
import { exportArchive } from './archive/export.js';
import { addItem, createMeeting, listMeetings, recordAttendance } from './meetings.service.js';

export function meetingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['decisions'];
    const read = { access: 'decisions.read' } as const;
    const writeAccess = { access: 'decisions.write' } as const;
    app.get(
      '/meetings',
      {
        config: read,
        schema: {
          tags,
          summary: '会议记录 Meetings (M-30)',
          querystring: s.meetingListQuery,
          response: { 200: answers.meetingPage },
        },
      },
      async (req) => listMeetings(ctx, requireAuth(req), req.query),
    );
    app.post(
      '/meetings',
      {
        config: writeAccess,
        schema: {
          tags,
          summary: '登记会议（应到会成员取会议当日的领导班子） Record a meeting',
          body: s.meetingCreate,
          response: { 201: answers.created },
        },
      },
      async (req, reply) => reply.status(201).send(await createMeeting(ctx, actorOf(req), requireAuth(req), req.body)),
    );
    app.get(
      '/meetings/:id',
      {
        config: read,
        schema: {
          tags,
          summary: '会议详情 A meeting',
          params: meeting.params(),
          response: { 200: answers.meetingDetail },
        },
      },
      async (req) => getMeeting(ctx, actorOf(req), req.params.id),
    );
    app.put(
      '/meetings/:id/attendance',
      {
        config: writeAccess,
        schema: {
          tags,
          summary: '登记到会与缺席 Record attendance',
          params: meeting.params(),
          body: s.attendance,
          response: { 200: answers.created },
        },
      },
      async (req) => recordAttendance(ctx, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/meetings/:id/items',
      {
        config: writeAccess,
        schema: {
          tags,
          summary: '添加议题（初始动议人） Add an agenda item (M-31)',
          params: meeting.params(),
          body: s.itemCreate,
          response: { 201: answers.itemCreated },
        },
      },
      async (req, reply) => reply.status(201).send(await addItem(ctx, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/meetings/:id/seal',
      {
        config: writeAccess,
        schema: {
          tags,
          summary: '封存会议记录（签名并链接上一封存） Seal the record (M-35)',
          params: meeting.params(),
          body: s.sealBody,
          response: { 200: answers.sealed },
        },
      },
      async (req) => sealMeeting(ctx, actorOf(req), requireAuth(req), req.params.id),
    );
    app.post(
      '/meetings/:id/addenda',
      {
        config: writeAccess,
        schema: {
          tags,
          summary: '补充更正（封存的附录，链接到封存） Add a sealed addendum to a sealed record (M-35)',
          params: meeting.params(),
          body: s.addendumBody,
          response: { 201: answers.addendumAdded },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addAddendum(ctx, actorOf(req), requireAuth(req), req.params.id, req.body)),
    );
    app.get(
      '/meetings/:id/seal',
      {
        config: read,
        schema: {
          tags,
          summary: '核验封存 Check the seal: digest, signature, chain, and the rows against it',
          params: meeting.params(),
          response: { 200: answers.sealCheck },
        },
      },
      async (req) => checkSeal(ctx, actorOf(req), req.params.id),
    );
    app.get(
      '/meetings/:id/archive',
      {
        config: read,
        schema: {
          tags,
          summary: '导出会议归档（.zip，可离线核验） Export the sealed meeting as an archive',
          params: meeting.params(),
          response: { 200: fileAnswer('application/zip', '会议归档 .zip') },
        },
      },
      async (req, reply) => {
        const a = await exportArchive(ctx, actorOf(req), req.params.id);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`);
        return reply.type('application/zip').send(a.stream as never); // streamed: the audio is never whole in memory
      },
    );
  };
}
