// Exporting a sealed meeting as one .zip (issue 14 §5, M-35): the sealed record as JSON and as a 会议纪要 .docx, the
// seal and the previous seal of the unit (the chain link), the installation's public key, a manifest of every file's
// SHA-256 signed with the installation's key, and verify.html, which checks all of it in a browser with no server.
// (Audio files, issue 14 §3, will join the manifest as they are stored.)
import { zipSync } from 'fflate';
import type { AppContext } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/http/index.js';
import { canonicalJson, recordRead, type Actor } from '../../../platform/trail/index.js';
import { payloadOf } from '../seal.service.js';
import { minutesDocx } from './minutes-docx.js';
import { sha256Hex, type ManifestPayload } from './verify-core.js';
import { verifyHtml } from './verify-html.js';

const enc = new TextEncoder();

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
    algorithm: 'Ed25519',
    keyId: x.key_id,
  });
  const files: Record<string, Uint8Array> = {
    'record.json': enc.encode(canonicalJson(s.record)),
    'seal.json': enc.encode(JSON.stringify(proof(s), null, 2)),
    'chain.json': enc.encode(JSON.stringify({ previous: prev ? proof(prev) : null }, null, 2)),
    'public-key.pem': enc.encode(ctx.signer.publicKeyPem),
    '会议纪要.docx': new Uint8Array(await minutesDocx(ctx, s.record as never)),
    'verify.html': enc.encode(await verifyHtml()),
  };
  const manifest: ManifestPayload = {
    meetingId: id,
    exportedAt: ctx.clock.now().toISOString(),
    files: await Promise.all(
      Object.entries(files).map(async ([name, data]) => ({ name, size: data.length, sha256: await sha256Hex(data) })),
    ),
  };
  files['manifest.json'] = enc.encode(JSON.stringify(ctx.signer.sign(manifest), null, 2));
  await recordRead(ctx.db, ctx.clock, actor, { action: 'meeting.export', entity: 'meeting', entityId: id });
  return { name: `meeting-${id}-seal-${s.seq}.zip`, zip: zipSync(files, { level: 6 }) };
}
