// The audio of an agenda item's discussion (issue 14 §3, M-33): one request whose body is the recording, streamed into
// sealed chunks (platform/files chunked-store), its type read from its first bytes (MP3, AAC, M4A, WAV, Ogg), at most
// the M-33 size; the file exists once its row and trail row are written. Its digest goes into the meeting's seal, and
// the file into the exported archive. Nothing is added to a sealed meeting.
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/http/index.js';
import {
  AUDIO_SNIFF_BYTES,
  AUDIO_TYPES,
  audioExtensionFits,
  cleanName,
  detectAudio,
  dropUpload,
  fileTooLarge,
  readChunked,
  storeChunked,
} from '../../platform/files/index.js';
import { getRuleSettings } from '../../platform/rules/index.js';
import { recordRead, write, type Actor } from '../../platform/trail/index.js';

const SEAL = { content: 'item-audio', name: 'item-audio-name' };
const TYPES_ZH = 'MP3、AAC、M4A、WAV、Ogg（Opus/Vorbis）';

export const audioErrors = {
  type: () =>
    new AppError(
      400,
      'AUDIO_TYPE',
      `文件内容不是录音；只接受 ${TYPES_ZH}`,
      'The content is not an audio recording; only MP3, AAC, M4A, WAV and Ogg (Opus/Vorbis) are accepted',
    ),
  mismatch: (label: string) =>
    new AppError(
      400,
      'AUDIO_MISMATCH',
      `文件内容是 ${label}，与文件名的扩展名不符`,
      `The content is ${label}, which does not match the file name's extension`,
    ),
  sealed: () =>
    conflict('RECORD_SEALED', '会议记录已封存，不能再添加录音', 'The meeting is sealed; no audio can be added'),
};

async function itemOf(ctx: AppContext, itemId: number) {
  const i = await ctx.db
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .leftJoin('meeting_seals as s', 's.meeting_id', 'm.id')
    .select(['i.id', 'm.org_id', 's.meeting_id as sealed'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!i) throw notFound();
  return i;
}

export async function addAudio(
  ctx: AppContext,
  actor: Actor,
  itemId: number,
  name: string,
  body: Readable,
  declared: number | null,
) {
  const item = await itemOf(ctx, itemId);
  if (item.sealed !== null) throw audioErrors.sealed();
  const fileName = cleanName(name);
  const { audioMaxMiB } = (await getRuleSettings(ctx.db, 'M-33', item.org_id)).values as { audioMaxMiB: number };
  const maxBytes = audioMaxMiB * 1024 * 1024;
  // A declared length over the limit is refused before a byte is stored.
  if (declared !== null && declared > maxBytes) {
    body.resume();
    throw fileTooLarge(maxBytes);
  }
  let type: keyof typeof AUDIO_TYPES | null = null;
  const stored = await storeChunked(ctx, body, {
    prefix: SEAL.content,
    maxBytes,
    sniffBytes: AUDIO_SNIFF_BYTES,
    sniff(first) {
      type = detectAudio(first);
      if (!type) throw audioErrors.type();
      if (!audioExtensionFits(fileName, type)) throw audioErrors.mismatch(AUDIO_TYPES[type].label);
    },
  });
  const mime = type as unknown as keyof typeof AUDIO_TYPES;
  try {
    return await write(ctx.db, ctx.clock, actor, async (w) => {
      const { id } = await w.trx
        .insertInto('item_audio')
        .values({
          item_id: itemId,
          upload_id: stored.uploadId,
          file_name_sealed: ctx.box.seal(fileName, `${SEAL.name}:${stored.uploadId}`),
          mime_type: mime,
          size_bytes: stored.size,
          chunks: stored.chunks,
          sha256: stored.sha256,
          uploaded_by: actor.accountId,
          created_at: w.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      w.record({
        action: 'meeting_item.audio_add',
        entity: 'meeting_item',
        entityId: itemId,
        detail: { audioId: id, type: mime, size: stored.size, sha256: stored.sha256 },
      });
      return { id, name: fileName, type: mime, size: stored.size, sha256: stored.sha256 };
    });
  } catch (e) {
    await dropUpload(ctx, stored.uploadId); // sealed meanwhile, or the database refused: no chunk is left behind
    throw e;
  }
}

/** The recordings of each listed item (the caller has scoped the items), oldest first. */
export async function audioOf(ctx: AppContext, itemIds: number[]) {
  const rows = itemIds.length
    ? await ctx.db.selectFrom('item_audio').selectAll().where('item_id', 'in', itemIds).orderBy('id').execute()
    : [];
  return (itemId: number) =>
    rows
      .filter((a) => a.item_id === itemId)
      .map((a) => ({
        id: a.id,
        name: ctx.box.open(a.file_name_sealed, `${SEAL.name}:${a.upload_id}`),
        type: a.mime_type,
        typeLabel: AUDIO_TYPES[a.mime_type as keyof typeof AUDIO_TYPES]?.label ?? a.mime_type,
        size: Number(a.size_bytes),
        sha256: a.sha256,
        at: new Date(a.created_at).toISOString(),
      }));
}

/** One recording as a stream of its opened chunks; trailed as a read. */
export async function readAudio(ctx: AppContext, actor: Actor, itemId: number, audioId: number) {
  const a = await ctx.db
    .selectFrom('item_audio')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('id', '=', audioId)
    .executeTakeFirst();
  if (!a) throw notFound();
  await recordRead(ctx.db, ctx.clock, actor, {
    action: 'meeting_item.audio_read',
    entity: 'meeting_item',
    entityId: itemId,
    detail: { audioId, sha256: a.sha256 },
  });
  return {
    name: ctx.box.open(a.file_name_sealed, `${SEAL.name}:${a.upload_id}`),
    type: a.mime_type,
    size: Number(a.size_bytes),
    sha256: a.sha256,
    chunks: () => readChunked(ctx, SEAL.content, a.upload_id, a.chunks),
  };
}
