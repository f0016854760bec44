// Exporting a sealed meeting as one .zip (issue 14 §5, M-35): the sealed record as JSON and as a 会议纪要 .docx, the
// seal and the previous seal of the unit (the chain link), the installation's public key, a manifest of every file's
// digest (SHA-256, or SM3 on a 国密 installation) signed with the installation's key, and verify.html, which checks all of it in a browser with no server.
// The recordings (issue 14 §3) are streamed in last, chunk by chunk, stored as they are: the archive is never whole
// in memory, whatever the size of its audio.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { AUDIO_TYPES, type AudioType } from '../../../platform/files/index.js';
import type { AppContext } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/http/index.js';
import { canonicalJson, recordRead, type Actor } from '../../../platform/trail/index.js';
import { payloadOf } from '../seal.service.js';
import { readAudio } from '../audio.service.js';
import { addendaOf } from '../addenda.service.js';
import { minutesDocx } from './minutes-docx.js';
import { sha256Hex, type ManifestPayload } from './verify-core.js';
import { verifyHtml } from './verify-html.js';

const enc = new TextEncoder();
const ZIP32_MAX = 2 ** 32 - 64 * 2 ** 20; // leaves room for the headers and the central directory

export async function exportArchive(ctx: AppContext, actor: Actor, id: number) {
  const s = await ctx.db.selectFrom('meeting_seals').selectAll().where('meeting_id', '=', id).executeTakeFirst();
  if (!s) {
    const exists = await ctx.db.selectFrom('meetings').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw notFound();
    throw conflict('NOT_SEALED', '会议记录封存后才能导出归档', 'Seal the record before exporting it');
  }
  const prev =
    s.seq > 1
      ? await ctx.db
          .selectFrom('meeting_seals')
          .selectAll()
          .where('org_id', '=', s.org_id)
          .where('seq', '=', s.seq - 1)
          .executeTakeFirstOrThrow()
      : null;
  const proof = (x: NonNullable<typeof prev>) => ({
    payload: payloadOf(x),
    signature: x.signature,
    algorithm: ctx.signer.algorithm,
    keyId: x.key_id,
  });
  const addenda = await addendaOf(ctx, id);
  const files: Record<string, Uint8Array> = {
    'record.json': enc.encode(canonicalJson(s.record)),
    'seal.json': enc.encode(JSON.stringify(proof(s), null, 2)),
    'chain.json': enc.encode(JSON.stringify({ previous: prev ? proof(prev) : null }, null, 2)),
    'public-key.pem': enc.encode(ctx.signer.publicKeyPem),
    ...(addenda.length ? { 'addenda.json': enc.encode(JSON.stringify(addenda, null, 2)) } : {}),
    '会议纪要.docx': new Uint8Array(await minutesDocx(ctx, s.record as never)),
    'verify.html': enc.encode(await verifyHtml()),
  };
  // The recordings the seal names, each by the digest and size the seal holds.
  const audio = (s.record as { items: Array<{ id: number; audio?: SealedAudio[] }> }).items.flatMap((i) =>
    (i.audio ?? []).map((a) => ({ ...a, itemId: i.id, name: audioFileName(a) })),
  );
  // fflate writes no ZIP64: an archive past 4 GiB would have offsets that wrap. Refused before anything is sent.
  const total =
    [...Object.values(files)].reduce((n, f) => n + f.length, 0) + audio.reduce((n, a) => n + a.size_bytes, 0);
  if (total > ZIP32_MAX)
    throw conflict(
      'ARCHIVE_TOO_LARGE',
      '该会议的录音合计超过 4 GiB，无法导出为一个归档',
      'The recordings of this meeting exceed 4 GiB together: they do not fit one archive',
    );
  const manifest: ManifestPayload = {
    meetingId: id,
    exportedAt: ctx.clock.now().toISOString(),
    files: [
      ...(await Promise.all(
        Object.entries(files).map(async ([name, data]) => ({
          name,
          size: data.length,
          ...(ctx.signer.suite === 'gm' ? { sm3: ctx.signer.digest(data) } : { sha256: await sha256Hex(data) }),
        })),
      )),
      ...audio.map((a) => ({ name: a.name, size: a.size_bytes, sha256: a.sha256 })),
    ],
  };
  files['manifest.json'] = enc.encode(JSON.stringify(ctx.signer.sign(manifest), null, 2));
  await recordRead(ctx.db, ctx.clock, actor, { action: 'meeting.export', entity: 'meeting', entityId: id });

  const out = new PassThrough();
  const zip = new Zip((err, data, final) => {
    if (err) return void out.destroy(err);
    out.write(data);
    if (final) out.end();
  });
  for (const [name, data] of Object.entries(files)) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(data, true);
  }
  void (async () => {
    for (const a of audio) {
      const f = new ZipPassThrough(a.name);
      zip.add(f);
      const file = await readAudio(ctx, actor, a.itemId, a.id);
      for await (const chunk of file.chunks()) {
        f.push(chunk);
        if (out.writableNeedDrain) await once(out, 'drain'); // as fast as the client reads, no faster
      }
      f.push(new Uint8Array(0), true);
    }
    zip.end();
  })().catch((e) => out.destroy(e));
  return { name: `meeting-${id}-seal-${s.seq}.zip`, stream: out as Readable };
}

interface SealedAudio {
  id: number;
  mime_type: string;
  size_bytes: number;
  sha256: string;
}
/** Where a recording sits in the archive: `audio/<id>.<ext>`, the id being the one the sealed record names. */
export const audioFileName = (a: { id: number; mime_type: string }) =>
  `audio/${a.id}.${AUDIO_TYPES[a.mime_type as AudioType]?.extensions[0] ?? 'bin'}`;

/** The whole archive as bytes, for tests and benches (the route streams it). */
export async function archiveBytes(a: { stream: Readable }): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const p of a.stream) parts.push(p as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}
