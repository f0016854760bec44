// The HTTP side of attachments, for every route that takes or gives one: a file comes in as the request body, its
// name percent-encoded in the x-file-name header (a name can identify a reporter, and URLs end up in proxies' logs);
// a file goes out through sendDownload, always as a download.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { FILE_MAX_BYTES, fileErrors } from './check-file.js';

/**
 * In a route context of its own: the body is the file (application/octet-stream, up to the file limit), one file per
 * request, so each upload is whole or absent, and no multipart dependency. Every other route keeps the 1 MiB limit.
 */
export function acceptFileBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: FILE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  // An oversize body is refused before the handler runs: say so with the limit, in both languages.
  app.setErrorHandler((err: FastifyError) => {
    throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? fileErrors.tooLarge() : err;
  });
}

/** Percent-encoded (encodeURIComponent), so any name fits in a header; 200 characters encode to at most 1,800. */
export const fileNameHeader = z.object({
  'x-file-name': z
    .string()
    .min(1, { message: '请提供文件名 / The file name is required' })
    .max(2000)
    .regex(/^[\x20-\x7e]+$/, { message: '文件名须经百分号编码 / The file name must be percent-encoded' }),
});

/** The name as the uploader gave it; a malformed encoding is a bad name (400), never a 500. */
export function fileNameOf(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw fileErrors.badName();
  }
}

/** A stored file goes back as a download, never rendered in the page, whatever its type. */
export function sendDownload(reply: FastifyReply, file: { name: string; type: string; content: Buffer | Readable }) {
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .send(file.content);
}
