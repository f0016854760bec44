// Sealing (issue 14 §5): on the embedded demo city (PGlite), MEETINGS meetings of the unit with the largest team, each
// with ITEMS items on which every present member gives an opinion, closed — then per meeting: seal (canonical record,
// SHA-256, Ed25519, chain link, insert; the triggers live), check (recompute from the rows and compare), export the
// .zip (docx, manifest, verify.html — its esbuild bundle made once per process, timed apart), and the offline verify.
// Bare, in the same run: reading the same rows and hashing + signing the same canonical JSON with node:crypto alone.
//   npm run bench:seal
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { seedDemo } from '../apps/server/src/demo/index.js';
import { canonicalJson, SYSTEM_ACTOR } from '../apps/server/src/platform/trail/index.js';
import type { Auth } from '../apps/server/src/platform/auth/index.js';
import { createMeeting, recordAttendance, addItem } from '../apps/server/src/modules/decisions/meetings.service.js';
import { giveOpinion } from '../apps/server/src/modules/decisions/opinions.service.js';
import { closeItem } from '../apps/server/src/modules/decisions/close-item.js';
import { checkSeal, sealMeeting } from '../apps/server/src/modules/decisions/seal.service.js';
import { sealRecord } from '../apps/server/src/modules/decisions/seal-record.js';
import { archiveBytes, exportArchive } from '../apps/server/src/modules/decisions/archive/export.js';
import { verifyArchive } from '../apps/server/src/modules/decisions/archive/verify-core.js';
import { verifyHtml } from '../apps/server/src/modules/decisions/archive/verify-html.js';
import { writeSection } from './results.js';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 30);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10);
const dir = mkdtempSync(path.join(os.tmpdir(), 'mj-bench-seal-'));
const auth = { accountId: null } as unknown as Auth; // the system, as the demo seeder writes
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
async function timed<T>(into: number[], f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  into.push(performance.now() - t0);
  return r;
}

const b = await boot({ dataDir: dir, demo: true, templateCache: true });
let bundleMs = 0;
const [seal, check, exp, verify, bare] = [[], [], [], [], []] as number[][];
let zipBytes = 0;
let members = 0;
try {
  await seedDemo(b.ctx);
  const ctx = b.ctx;
  const { rows } = await sql<{ org_id: number; n: number }>`select org_id, count(*)::int as n from team_members
    where left_on is null group by org_id order by n desc, org_id limit 1`.execute(ctx.db);
  const orgId = rows[0].org_id;
  const team = await ctx.db
    .selectFrom('team_members')
    .select('cadre_id')
    .where('org_id', '=', orgId)
    .where('left_on', 'is', null)
    .orderBy('sort')
    .execute();
  members = team.length;
  const t0 = performance.now();
  await verifyHtml();
  bundleMs = performance.now() - t0;
  const key = generateKeyPairSync('ed25519').privateKey;
  for (let m = 0; m < MEETINGS; m++) {
    const heldOn = new Date(Date.UTC(2026, 0, 5 + m)).toISOString().slice(0, 10);
    const { id } = await createMeeting(ctx, SYSTEM_ACTOR, auth, {
      orgId,
      kind: 'standing',
      heldOn,
      place: '常委会议室',
      chairCadreId: team[0].cadre_id,
      recorder: '办公室',
    });
    await recordAttendance(ctx, SYSTEM_ACTOR, id, {
      members: team.map((x) => ({ cadreId: x.cadre_id, attended: true })),
    });
    for (let i = 0; i < ITEMS; i++) {
      const item = await addItem(ctx, SYSTEM_ACTOR, id, { title: `议题${i + 1}`, category: 'major_decision' });
      for (const x of [...team.slice(1), team[0]])
        await giveOpinion(ctx, SYSTEM_ACTOR, item.id, { cadreId: x.cadre_id, opinion: 'agree' });
      await closeItem(ctx, SYSTEM_ACTOR, item.id, {});
    }
    await timed(bare, async () => {
      const record = await sealRecord(ctx.db, id);
      const digest = createHash('sha256').update(canonicalJson(record)).digest('hex');
      sign(null, Buffer.from(canonicalJson({ id, digest })), key);
    });
    await timed(seal, () => sealMeeting(ctx, SYSTEM_ACTOR, auth, id));
    const c = await timed(check, () => checkSeal(ctx, SYSTEM_ACTOR, id));
    if (!c.sealed || !c.intact) throw new Error(`meeting ${id} does not check out`);
    const zip = await timed(exp, async () => archiveBytes(await exportArchive(ctx, SYSTEM_ACTOR, id)));
    zipBytes = zip.length;
    const v = await timed(verify, () => verifyArchive(zip, { publicKeyPem: ctx.signer.publicKeyPem }));
    if (!v.ok) throw new Error(`archive of ${id}: ${JSON.stringify(v.problems)}`);
  }
} finally {
  await b.close();
  rmSync(dir, { recursive: true, force: true });
}

const cpu = os.cpus();
const row = (what: string, xs: number[]) => `| ${what} | ${ms(median(xs))} | ${ms(p95(xs))} |`;
const body = [
  `Machine: ${cpu[0]?.model.trim()} × ${cpu.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; embedded PGlite, demo city. ${MEETINGS} meetings of one unit (${members} members, all present), ${ITEMS} items each with every member's opinion (${members * ITEMS} opinions a meeting), sealed one after another (one chain). Archive ${(zipBytes / 1024).toFixed(0)} KiB; verify.html's bundle built once per process in ${ms(bundleMs)} (not in the export times).`,
  '',
  '| step (per meeting) | median | p95 |',
  '| ------------------ | ------ | --- |',
  row('bare: read the rows, SHA-256 + Ed25519 of the canonical record (node:crypto)', bare),
  row('seal (lock the unit, read, hash, sign, link, insert, trail)', seal),
  row('check the seal (recompute from the rows, compare field by field, verify)', check),
  row('export the .zip (record, 会议纪要.docx, seal, chain, key, signed manifest, verify.html)', exp),
  row('offline verify of the .zip (verify-core: unzip, 7 digests, 3 signatures, link)', verify),
  '',
  'Not measured yet (issue 14 §8): the chains of 100,000 sealed items. A 500 MB audio file: the audio section (bench:audio).',
];
writeSection('seal', body, 'Sealing a meeting (issue 14 §5)');
console.log(body.join('\n'));
