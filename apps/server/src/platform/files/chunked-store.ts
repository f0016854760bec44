// Large files (issue 14 §3: meeting audio up to 1 GiB) streamed into the database in sealed chunks, never held whole
// in memory: the request body is read chunk by chunk (the stream waits while a chunk is written), each 4 MiB chunk is
// sealed with AES-256-GCM bound to its upload and position, and the SHA-256 of the whole is taken on the way. The
// caller looks at the first bytes before anything is stored, and names the file in its own trailed write once the
// last chunk is in; until then no file exists. A refused or broken upload deletes its chunks.
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { AppError } from '../http/index.js';

export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface ChunkedUpload {
  uploadId: string;
  size: number;
  chunks: number;
  sha256: string;
}

const contextOf = (prefix: string, uploadId: string, n: number) => `${prefix}:${uploadId}:${n}`;
export const fileTooLarge = (maxBytes: number) => {
  const mib = Math.floor(maxBytes / 1024 / 1024);
  return new AppError(413, 'FILE_TOO_LARGE', `单个文件不能超过 ${mib} MB`, `A file may be at most ${mib} MiB`);
};

/**
 * Reads `body` to its end into sealed chunks. `sniff` sees the first `sniffBytes` (or the whole file, if shorter)
 * before the first chunk is stored, and throws to refuse the file. Throws 413 past `maxBytes`, 400 when empty.
 */
export async function storeChunked(
  ctx: AppContext,
  body: Readable,
  o: { prefix: string; maxBytes: number; sniffBytes: number; sniff(first: Buffer): void },
): Promise<ChunkedUpload> {
  const uploadId = randomBytes(16).toString('hex');
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let n = 0;
  let sniffed = false;
  const flush = async (last: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (last && pendingBytes > 0)) {
      const all = Buffer.concat(pending);
      const chunk = all.subarray(0, CHUNK_BYTES);
      const rest = all.subarray(chunk.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      await ctx.db
        .insertInto('audio_chunks')
        .values({
          upload_id: uploadId,
          n,
          content_enc: ctx.box.sealBytes(chunk, contextOf(o.prefix, uploadId, n)),
          created_at: ctx.clock.now(),
        })
        .execute();
      n += 1;
    }
  };
  try {
    // Not destroyed on a refusal: the rest is read and dropped, so the answer reaches the client (the route then
    // closes the connection).
    for await (const part of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += part.length;
      if (size > o.maxBytes) throw fileTooLarge(o.maxBytes);
      hash.update(part);
      pending.push(part);
      pendingBytes += part.length;
      if (!sniffed && pendingBytes >= o.sniffBytes) {
        o.sniff(Buffer.concat(pending).subarray(0, o.sniffBytes));
        sniffed = true;
      }
      await flush(false);
    }
    if (size === 0) throw new AppError(400, 'FILE_EMPTY', '文件是空的，请重新选择', 'The file is empty');
    if (!sniffed) o.sniff(Buffer.concat(pending));
    await flush(true);
    return { uploadId, size, chunks: n, sha256: hash.digest('hex') };
  } catch (e) {
    body.resume();
    await dropUpload(ctx, uploadId);
    throw e;
  }
}

/** Deletes the chunks of an upload no file names (the database refuses those of a stored file). */
export async function dropUpload(ctx: AppContext, uploadId: string): Promise<void> {
  await ctx.db.deleteFrom('audio_chunks').where('upload_id', '=', uploadId).execute();
}

/** The chunks of a stored file, opened one at a time, in order. */
export async function* readChunked(ctx: AppContext, prefix: string, uploadId: string, chunks: number) {
  for (let n = 0; n < chunks; n++) {
    const row = await ctx.db
      .selectFrom('audio_chunks')
      .select('content_enc')
      .where('upload_id', '=', uploadId)
      .where('n', '=', n)
      .executeTakeFirstOrThrow();
    yield ctx.box.openBytes(Buffer.from(row.content_enc), contextOf(prefix, uploadId, n));
  }
}

/** Chunks left by uploads that never became a file (a crash mid-upload), older than `before`. */
export async function sweepUnfinished(ctx: AppContext, before: Date): Promise<number> {
  const r = await sql`DELETE FROM audio_chunks c WHERE c.created_at < ${before}
    AND NOT EXISTS (SELECT 1 FROM item_audio a WHERE a.upload_id = c.upload_id)`.execute(ctx.db);
  return Number(r.numAffectedRows ?? 0);
}
