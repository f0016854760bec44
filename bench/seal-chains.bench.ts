// The seal chains of 100,000 sealed items (issue 14 §8 measurement; `npm run verify-seals`): on the embedded demo city
// (PGlite), SEALS sealed meetings of ITEMS items each are added across the city's units — records cloned from a real
// demo seal (its items repeated with new ids), each hashed, signed with the installation's key and chained to its
// unit's previous seal as sealMeeting does — then verifySealChains checks them all (digests, signatures, links).
// Bare, in the same run: one query per page and node:crypto alone doing the same digest, signature and link checks.
//   npm run bench:seal-chains      (BENCH_SEALS=10000 BENCH_ITEMS=10 by default)
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { seedDemo } from '../apps/server/src/demo/index.js';
import { canonicalJson } from '../apps/server/src/platform/trail/index.js';
import { payloadOf } from '../apps/server/src/modules/decisions/seal.service.js';
import { digestOf } from '../apps/server/src/modules/decisions/seal-record.js';
import { verifySealChains } from '../apps/server/src/modules/decisions/seal-chains.js';
import { writeSection } from './results.js';

const SEALS = Number(process.env.BENCH_SEALS ?? 10_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10);
const dir = mkdtempSync(path.join(os.tmpdir(), 'mj-bench-chains-'));
const b = await boot({ dataDir: dir, demo: true, templateCache: true });
await seedDemo(b.ctx);
const { db, signer } = b.ctx;
const mib = () => process.memoryUsage().rss / 2 ** 20;

// A real sealed record, its items repeated to ITEMS with new ids.
const sample = await db
  .selectFrom('meeting_seals')
  .selectAll()
  .orderBy('meeting_id')
  .limit(1)
  .executeTakeFirstOrThrow();
const base = sample.record as { meeting: Record<string, unknown>; items: Array<Record<string, unknown>> };
const m0 = await db.selectFrom('meetings').selectAll().where('id', '=', sample.meeting_id).executeTakeFirstOrThrow();
const orgs = (await db.selectFrom('orgs').select('id').orderBy('id').execute()).map((o) => o.id);
const cols = Object.keys(m0).filter((c) => c !== 'id' && c !== 'org_id');
const heads = new Map<number, { seq: number; digest: string }>();
for (const s of await db.selectFrom('meeting_seals').select(['org_id', 'seq', 'digest']).orderBy('seq').execute())
  heads.set(s.org_id, { seq: s.seq, digest: s.digest });

const t0 = performance.now();
const PAGE = 500;
for (let done = 0; done < SEALS; done += PAGE) {
  const n = Math.min(PAGE, SEALS - done);
  const units = Array.from({ length: n }, (_, i) => orgs[(done + i) % orgs.length]);
  const ids = (
    await sql<{ id: number }>`insert into meetings (org_id, ${sql.join(cols.map((c) => sql.ref(c)))})
      select u, ${sql.join(cols.map((c) => sql.ref(`m.${c}`)))} from unnest(${units}::int[]) as u, meetings m
      where m.id = ${m0.id} returning id`.execute(db)
  ).rows.map((r) => r.id);
  const rows = ids.map((id, i) => {
    const orgId = units[i];
    const items = Array.from({ length: ITEMS }, (_, k) => ({ ...base.items[k % base.items.length], id: id * 100 + k }));
    const record = { ...base, meeting: { ...base.meeting, id, org_id: orgId }, items };
    const prev = heads.get(orgId);
    const payload = {
      meetingId: id,
      orgId,
      seq: (prev?.seq ?? 0) + 1,
      prevDigest: prev?.digest ?? null,
      algorithm: 'SHA-256',
      digest: digestOf(signer, record),
      sealedAt: new Date().toISOString(),
    };
    heads.set(orgId, { seq: payload.seq, digest: payload.digest });
    const proof = signer.sign(payload);
    return {
      meeting_id: id,
      org_id: orgId,
      seq: payload.seq,
      prev_digest: payload.prevDigest,
      algorithm: payload.algorithm,
      digest: payload.digest,
      record: JSON.stringify(record),
      signature: proof.signature,
      key_id: proof.keyId,
      sealed_at: new Date(payload.sealedAt),
      sealed_by: null,
    };
  });
  await db.insertInto('meeting_seals').values(rows).execute();
}
const buildS = (performance.now() - t0) / 1000;
const total = await db
  .selectFrom('meeting_seals')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .executeTakeFirstOrThrow();

// The bare stack: the same checks with one query per page and node:crypto alone.
async function bare() {
  const key = createPublicKey(signer.publicKeyPem);
  let after = [0, 0];
  let prev: { org: number; seq: number; digest: string } | null = null;
  let seals = 0;
  let bad = 0;
  for (;;) {
    const { rows } = await sql<
      Record<string, never>
    >`select * from meeting_seals where (org_id, seq) > (${after[0]}, ${after[1]})
      order by org_id, seq limit 500`.execute(db);
    for (const s of rows as Array<Record<string, any>>) {
      const ok1 = createHash('sha256').update(canonicalJson(s.record)).digest('hex') === s.digest;
      const ok2 = verify(
        null,
        Buffer.from(canonicalJson(payloadOf(s as never))),
        key,
        Buffer.from(s.signature, 'base64url'),
      );
      const first = prev?.org !== s.org_id;
      const ok3 = first ? s.seq === 1 : s.seq === prev!.seq + 1 && s.prev_digest === prev!.digest;
      if (!(ok1 && ok2 && ok3)) bad++;
      prev = { org: s.org_id, seq: s.seq, digest: s.digest };
      seals++;
    }
    if (rows.length < 500) return { seals, bad };
    const last = rows[rows.length - 1] as Record<string, number>;
    after = [last.org_id, last.seq];
  }
}

const runs: Array<{ app: number; bare: number }> = [];
let peak = mib();
let check: Awaited<ReturnType<typeof verifySealChains>> | undefined;
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  check = await verifySealChains(db, signer);
  const app = performance.now() - t;
  peak = Math.max(peak, mib());
  t = performance.now();
  const bb = await bare();
  const bareMs = performance.now() - t;
  if (!check.ok || bb.bad) throw new Error('a chain did not verify');
  runs.push({ app, bare: bareMs });
  console.log(
    `run ${r + 1}: app ${(app / 1000).toFixed(1)} s, bare ${(bareMs / 1000).toFixed(1)} s, rss ${mib().toFixed(0)} MiB`,
  );
}
const med = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)];
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
const cpu = os.cpus();
writeSection(
  'seal-chains',
  [
    `Machine: ${cpu[0]?.model.trim()} × ${cpu.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; embedded PGlite, demo city (${orgs.length} units). ${Number(total.n).toLocaleString('en')} seals in all (${SEALS.toLocaleString('en')} added, ${ITEMS} items each, record ${(JSON.stringify(base).length / 1024).toFixed(1)} KiB per ${base.items.length} items), chained per unit; ${check!.items.toLocaleString('en')} sealed items. Adding them (insert meetings, hash, sign, insert seals) took ${buildS.toFixed(1)} s. Median of 3 runs, app and bare alternating.`,
    '',
    '| verify every seal chain (digest, signature, link) | time | per seal | peak RSS |',
    '| --- | --- | --- | --- |',
    `| app: \`verifySealChains\` (\`npm run verify-seals\`) | ${s(med(runs.map((r) => r.app)))} | ${((med(runs.map((r) => r.app)) * 1000) / Number(total.n)).toFixed(0)} µs | ${peak.toFixed(0)} MiB |`,
    `| bare: one query per page + node:crypto | ${s(med(runs.map((r) => r.bare)))} | ${((med(runs.map((r) => r.bare)) * 1000) / Number(total.n)).toFixed(0)} µs | — |`,
  ],
  'Seal chains of 100,000 sealed items (issue 14 §8)',
);
await b.close();
rmSync(dir, { recursive: true, force: true });
