// The audio of a meeting (issue 14 §3, §5): on the embedded demo city (PGlite), one item gets an AUDIO_MB MB MP3
// streamed in as an HTTP body would come (64 KiB parts), then the meeting is sealed, its archive exported as a stream
// to a file, and the archive verified offline (verify-core, as `npm run verify-archive` does). Each step's wall time
// and the process's peak RSS while it ran (sampled every 20 ms). Bare, in the same run: the same bytes through
// SHA-256 + AES-256-GCM in 4 MiB chunks with node:crypto alone (what the store adds is the database), and a plain
// file copy of the archive's size (what the export adds is reading and opening the chunks).
//   npm run bench:audio        (BENCH_AUDIO_MB=500 by default)
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { seedDemo } from '../apps/server/src/demo/index.js';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/trail/index.js';
import type { Auth } from '../apps/server/src/platform/auth/index.js';
import { addItem, createMeeting, recordAttendance } from '../apps/server/src/modules/decisions/meetings.service.js';
import { closeItem } from '../apps/server/src/modules/decisions/close-item.js';
import { sealMeeting } from '../apps/server/src/modules/decisions/seal.service.js';
import { addAudio } from '../apps/server/src/modules/decisions/audio.service.js';
import { exportArchive } from '../apps/server/src/modules/decisions/archive/export.js';
import { verifyArchive } from '../apps/server/src/modules/decisions/archive/verify-core.js';
import { fileSource } from '../apps/server/src/modules/decisions/archive/file-source.js';
import { CHUNK_BYTES } from '../apps/server/src/platform/files/index.js';
import { writeSection } from './results.js';

const MB = Number(process.env.BENCH_AUDIO_MB ?? 500);
const PART = 64 * 1024;
const dir = mkdtempSync(path.join(os.tmpdir(), 'mj-bench-audio-'));
const auth = { accountId: null } as unknown as Auth;
const noise = randomBytes(PART);
const head = Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1');
/** MB megabytes (10^6) as 64 KiB parts, the first starting with an ID3 tag; never more than one part in memory. */
function* parts() {
  let left = MB * 1_000_000;
  for (let first = true; left > 0; first = false) {
    const p = first ? Buffer.concat([head, noise]).subarray(0, PART) : noise;
    const out = p.subarray(0, Math.min(left, p.length));
    left -= out.length;
    yield out;
  }
}

const rows: string[] = [];
async function step<T>(what: string, f: () => Promise<T>): Promise<T> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const r = await f();
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mib = (x: number) => `${Math.round(x / 2 ** 20)} MiB`;
  rows.push(
    `| ${what} | ${s.toFixed(1)} s | ${((MB * 1e6) / 2 ** 20 / s).toFixed(0)} MiB/s | ${mib(before)} → ${mib(peak)} |`,
  );
  console.log(rows.at(-1));
  return r;
}

const b = await boot({ dataDir: dir, demo: true, templateCache: true });
let zipBytes = 0;
try {
  await seedDemo(b.ctx);
  const ctx = b.ctx;
  const { rows: unit } = await sql<{ org_id: number }>`select org_id from team_members where left_on is null
    group by org_id order by count(*) desc, org_id limit 1`.execute(ctx.db);
  const team = await ctx.db
    .selectFrom('team_members')
    .select('cadre_id')
    .where('org_id', '=', unit[0].org_id)
    .where('left_on', 'is', null)
    .orderBy('sort')
    .execute();
  const { id } = await createMeeting(ctx, SYSTEM_ACTOR, auth, {
    orgId: unit[0].org_id,
    kind: 'standing',
    heldOn: '2026-11-30',
    place: '常委会议室',
    chairCadreId: team[0].cadre_id,
    recorder: '办公室',
  });
  await recordAttendance(ctx, SYSTEM_ACTOR, id, {
    members: team.map((x) => ({ cadreId: x.cadre_id, attended: true })),
  });
  const item = await addItem(ctx, SYSTEM_ACTOR, id, { title: '审议重大项目', category: 'major_project' });

  await step('bare: SHA-256 + AES-256-GCM in 4 MiB chunks (node:crypto, no database)', async () => {
    const hash = createHash('sha256');
    const key = randomBytes(32);
    let pending: Buffer[] = [];
    let n = 0;
    const seal = () => {
      const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
      Buffer.concat([c.update(Buffer.concat(pending)), c.final()]);
      pending = [];
      n = 0;
    };
    for (const p of parts()) {
      hash.update(p);
      pending.push(p);
      n += p.length;
      if (n >= CHUNK_BYTES) seal();
      await new Promise((r) => setImmediate(r)); // as a stream would yield between parts
    }
    if (n) seal();
    return hash.digest('hex');
  });
  await step(`upload: stream ${MB} MB into sealed chunks (type check, SHA-256, AES-GCM, insert, trail)`, () =>
    addAudio(ctx, SYSTEM_ACTOR, item.id, '常委会全程录音.mp3', Readable.from(parts()), null),
  );
  await closeItem(ctx, SYSTEM_ACTOR, item.id, {});
  await step('seal the meeting (the recording by digest and size)', () => sealMeeting(ctx, SYSTEM_ACTOR, auth, id));
  const file = path.join(dir, 'archive.zip');
  await step('export: the archive streamed to a file (chunks read and opened one at a time)', async () => {
    const a = await exportArchive(ctx, SYSTEM_ACTOR, id);
    await pipeline(a.stream, createWriteStream(file));
  });
  zipBytes = statSync(file).size;
  await step('bare: copy a file of the archive’s size', async () => copyFileSync(file, path.join(dir, 'copy.zip')));
  // As `npm run verify-archive` reads it (random access, the recording in 4 MiB slices, node:crypto's SHA-256), then
  // as verify.html does (the same slices, the script's own SHA-256 from @noble/hashes; here in Node, not a browser).
  for (const [what, sha256] of [
    ['offline verify (CLI: read in slices, node:crypto SHA-256)', () => createHash('sha256')],
    ['offline verify (verify.html’s code: read in slices, @noble/hashes SHA-256)', undefined],
  ] as const) {
    const src = await fileSource(file);
    const check = await step(what, () => verifyArchive(src, { publicKeyPem: ctx.signer.publicKeyPem, sha256 }));
    await src.close();
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
  }
} finally {
  await b.close();
  rmSync(dir, { recursive: true, force: true });
}

const cpu = os.cpus();
const body = [
  `Machine: ${cpu[0]?.model.trim()} × ${cpu.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; embedded PGlite, demo city. One item's MP3 of ${MB} MB (${Math.ceil((MB * 1e6) / CHUNK_BYTES)} chunks of 4 MiB); archive ${(zipBytes / 2 ** 20).toFixed(0)} MiB. RSS: the process before the step → its peak during it (sampled every 20 ms; the demo city is loaded).`,
  '',
  '| step | time | rate | RSS before → peak |',
  '| ---- | ---- | ---- | ----------------- |',
  ...rows,
];
writeSection('audio', body, 'Audio of a meeting (issue 14 §3)');
console.log(body.join('\n'));
