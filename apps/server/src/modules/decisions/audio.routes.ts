// The audio of an agenda item (issue 14 §3, M-33): the body is the recording itself (application/octet-stream, its
// name percent-encoded in x-file-name), read as a stream — in a route context of its own, where the body is never
// buffered and the size is the M-33 setting's, checked while it streams; downloads stream the opened chunks back.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { fileNameHeader, fileNameOf, fileErrors, sendDownload } from '../../platform/files/index.js';
import { actorOf, ANY_FILE_TYPE, fileAnswer } from '../../platform/http/index.js';
import { addAudio, readAudio } from './audio.service.js';
import { itemAudio, meetingItem } from './meetings.scope.js';

/** The largest M-33 setting allowed (4 GiB); the item's own setting is checked as the body streams. */
const AUDIO_CEILING = 4096 * 1024 * 1024;
const audioAdded = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  size: z.number(),
  sha256: z.string(),
});

export function audioRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser('application/octet-stream', { bodyLimit: AUDIO_CEILING }, (_req, payload, done) =>
      done(null, payload),
    );
    app.post(
      '/meeting-items/:id/audio',
      {
        bodyLimit: AUDIO_CEILING,
        config: { access: 'decisions.write' },
        schema: {
          tags: ['decisions'],
          summary: '上传议题讨论全程录音（请求体为录音文件；x-file-name 为百分号编码的文件名） Attach the audio',
          params: meetingItem.params(),
          headers: fileNameHeader,
          querystring: z.object({}).strict(),
          response: { 201: audioAdded },
        },
      },
      async (req, reply) => {
        if (!(req.body instanceof Readable)) throw fileErrors.notAFile();
        const length = Number(req.headers['content-length']);
        try {
          const added = await addAudio(
            ctx,
            actorOf(req),
            req.params.id,
            fileNameOf(req.headers['x-file-name']),
            req.body,
            Number.isFinite(length) ? length : null,
          );
          return reply.status(201).send(added);
        } catch (e) {
          reply.header('connection', 'close'); // a refused upload may still be sending: do not wait for the rest
          throw e;
        }
      },
    );
    app.get(
      '/meeting-items/:id/audio/:audioId',
      {
        config: { access: 'decisions.read' },
        schema: {
          tags: ['decisions'],
          summary: '下载议题录音 Download the audio',
          params: z.object({ id: meetingItem.inUrl(), audioId: itemAudio.inUrl() }).strict(),
          response: { 200: fileAnswer(ANY_FILE_TYPE, '录音（下载）Audio, as a download') },
        },
      },
      async (req, reply) => {
        const a = await readAudio(ctx, actorOf(req), req.params.id, req.params.audioId);
        reply.header('content-length', String(a.size));
        return sendDownload(reply, { name: a.name, type: a.type, content: Readable.from(a.chunks()) });
      },
    );
  };
}
