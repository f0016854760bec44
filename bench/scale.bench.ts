// Scale check (issue 12 §9) on PostgreSQL: the province bench grown to SCALE_EVENTS timeline events (default 10 M)
// and SCALE_TRAIL trail rows (default 5 M), set-based (bench/scale-grow.ts), then: one dossier as the dossier page
// requests it (GET /cadres/:id, which carries the timeline's first 100 events, through Fastify's inject with a
// logged-in session) against bare SQL doing the same reads and trail appends; the city list page likewise; the
// findings sweep; `npm run verify-trail` over the whole trail with its wall time and peak RSS; EXPLAIN ANALYZE of the
// timeline reads. Writes the `scale` section of bench/results.md.
//   source scripts/pg-local.sh; PG_PORT=54340 PG_DIR=/tmp/mj-scale-pg pg_start; npm run bench:scale
// Database mj_scale (kept; SCALE_RELOAD=true starts over); keys in SCALE_DATA_DIR (default /tmp/mj-scale-data).
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { buildApp } from '../apps/server/src/app.js';
import { generateRegistry, loadRegistry } from '../apps/server/src/demo/index.js';
import { SYSTEM_ACTOR, write, trailKeyOf } from '../apps/server/src/platform/trail/index.js';
import { createAccount } from '../apps/server/src/platform/auth/accounts.js';
import { sweepAll } from '../apps/server/src/modules/registry/index.js';
import { PROVINCE_OPTIONS } from './province.js';
import { growTimeline, growTrail } from './scale-grow.js';
import { bareCadreRead, bareCityList, measurePair, type Pcts } from './scale-bare.js';
import { writeSection } from './results.js';

const owner = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
const admin = process.env.PG_ADMIN_URL;
if (!owner || !admin)
  throw new Error('start PostgreSQL with scripts/pg-local.sh (needs MIGRATION_DATABASE_URL, PG_ADMIN_URL)');
const EVENTS = Number(process.env.SCALE_EVENTS ?? 10_000_000);
const TRAIL = Number(process.env.SCALE_TRAIL ?? 5_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const dataDir = process.env.SCALE_DATA_DIR ?? '/tmp/mj-scale-data';
const at = (base: string) => Object.assign(new URL(base), { pathname: '/mj_scale' }).toString();
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const notes: string[] = [];

{
  const c = new pg.Client({ connectionString: owner });
  await c.connect();
  const exists = (await c.query(`select 1 from pg_database where datname = 'mj_scale'`)).rowCount;
  if (exists && process.env.SCALE_RELOAD === 'true') await c.query('drop database mj_scale with (force)');
  if (!exists || process.env.SCALE_RELOAD === 'true') await c.query('create database mj_scale');
  await c.end();
}
// The app as in production: the restricted role, migrated by the owner (issue 11 §1).
const url = at(process.env.DATABASE_URL ?? owner);
const b = await boot({ databaseUrl: url, migrationUrl: at(owner), dataDir, checkpointFile: null });
const { db } = b.ctx;
const count = async (t: string) =>
  Number((await sql<{ n: string }>`select count(*) n from ${sql.table(t)}`.execute(db)).rows[0].n);
if (!(await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst())) {
  const t0 = Date.now();
  await loadRegistry(db, b.ctx.clock, SYSTEM_ACTOR, generateRegistry(PROVINCE_OPTIONS));
  notes.push(`Province registry loaded through the trailed write path in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}
{
  const before = load();
  const [te, tms] = await growTimeline(at(admin), EVENTS);
  const [tr, rms] = await growTrail(at(admin), trailKeyOf(db).key, TRAIL);
  const t0 = performance.now();
  const su = new pg.Client({ connectionString: at(admin) }); // the app role owns nothing and may not vacuum
  await su.connect();
  await su.query('vacuum analyze');
  await su.end();
  if (te || tr)
    notes.push(
      `Grown set-based: +${te.toLocaleString('en')} timeline events in ${(tms / 1000).toFixed(0)} s, +${tr.toLocaleString('en')} trail rows (hashed in Node, keyed chain) in ${(rms / 1000).toFixed(0)} s, vacuum analyze ${((performance.now() - t0) / 1000).toFixed(0)} s (load ${before} before, ${load()} after).`,
    );
}
if (process.env.SCALE_GROW_ONLY === 'true') {
  console.log(notes.join('\n'));
  await b.close();
  process.exit(0);
}
const counts = Object.fromEntries(
  await Promise.all(
    ['orgs', 'cadres', 'posts', 'timeline_events', 'trail', 'cadre_flags'].map(
      async (t) => [t, await count(t)] as const,
    ),
  ),
);
const sizes = (
  await sql<{ t: string; s: string }>`select relname t, pg_size_pretty(pg_total_relation_size(oid)) s from pg_class
    where relname in ('timeline_events', 'trail') order by relname`.execute(db)
).rows;

// A city and its organization-department account (scope 4), logged in through the real login route.
const city = await db
  .selectFrom('orgs')
  .select(['id', 'path'])
  .where('level', '=', 'city')
  .where('unit_type', '=', 'party_committee')
  .orderBy('id')
  .offset(5)
  .limit(1)
  .executeTakeFirstOrThrow();
const PASSWORD = 'scale-bench-password';
if (!(await db.selectFrom('accounts').select('id').where('username', '=', 'scale_city').executeTakeFirst())) {
  await write(db, b.ctx.clock, SYSTEM_ACTOR, (w) =>
    createAccount(b.ctx, w, {
      username: 'scale_city',
      displayName: 'scale_city',
      password: PASSWORD,
      role: 'org_supervisor',
      orgId: city.id,
      scope: 4,
    }),
  );
}
const app = await buildApp(b.ctx);
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'scale_city', password: PASSWORD },
});
if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
const cookie = String(login.headers['set-cookie']).split(';')[0];
const get = async (u: string) => {
  const r = await app.inject({ method: 'GET', url: u, headers: { cookie } });
  if (r.statusCode !== 200) throw new Error(`${u}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  return r.json();
};
const inCity = async (busy: boolean) =>
  (
    await sql<{
      id: number;
    }>`select c.id from cadres c join orgs o on o.id = c.org_id where o.path <@ ${city.path}::ltree
      and (select count(*) from timeline_events t where t.cadre_id = c.id) ${busy ? sql`>` : sql`<=`} 200
      order by md5(c.id::text) limit 500`.execute(db)
  ).rows.map((r) => r.id);
const sample = await inCity(false);
const busy = await inCity(true);
const events = async (ids: number[]) =>
  Math.round(
    Number(
      (await sql<{ n: string }>`select count(*) n from timeline_events where cadre_id = any(${ids})`.execute(db))
        .rows[0].n,
    ) / ids.length,
  );

const pool = new pg.Pool({ connectionString: url, max: 10 });
const key = trailKeyOf(db).key;
const dossier = (ids: number[]) =>
  measurePair(
    (i) => get(`/api/v1/cadres/${ids[i % ids.length]}`),
    (i) => bareCadreRead(pool, key, city.path, ids[i % ids.length]),
    RUNS,
  );
const rows: Array<[string, Pcts, Pcts, string]> = [];
let l0 = load();
rows.push([
  `one dossier (record + timeline page of 100, as the dossier page), 500 ordinary cadres of the city (≈ ${await events(sample)} events each)`,
  ...(await dossier(sample)),
  `${l0} → ${load()}`,
]);
l0 = load();
if (busy.length)
  rows.push([
    `one dossier, ${busy.length} busy cadres of the city (≈ ${await events(busy)} events each)`,
    ...(await dossier(busy)),
    `${l0} → ${load()}`,
  ]);
const scopeSize = Number(
  (
    await sql<{
      n: string;
    }>`select count(*) n from cadres c join orgs o on o.id = c.org_id where o.path <@ ${city.path}::ltree`.execute(db)
  ).rows[0].n,
);
l0 = load();
rows.push([
  `city list page (GET /cadres?page=1…10&pageSize=20, ${scopeSize.toLocaleString('en')} cadres in scope)`,
  ...(await measurePair(
    (i) => get(`/api/v1/cadres?page=${1 + (i % 10)}&pageSize=20`),
    (i) => bareCityList(pool, city.path, i % 10),
    RUNS,
  )),
  `${l0} → ${load()}`,
]);
await pool.end();

// The findings sweep over the province, as the daily job runs it.
const sweeps: number[] = [];
let swept = await sweepAll(b.ctx, SYSTEM_ACTOR);
const sweepLoad = load();
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  swept = await sweepAll(b.ctx, SYSTEM_ACTOR);
  sweeps.push(performance.now() - t0);
}
const plans: string[] = [];
for (const [label, id] of [
  ['ordinary', sample[0]],
  ['busy', busy[0] ?? sample[1]],
] as const) {
  for (const q of [
    sql`select * from timeline_events where cadre_id = ${id} order by occurred_on desc, id desc limit 100`,
    sql`select count(*) from timeline_events where cadre_id = ${id}`,
  ]) {
    const r = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${q}`.execute(db);
    plans.push(`-- ${label} cadre ${id}`, ...r.rows.map((x) => x['QUERY PLAN']));
  }
}
const pgVersion = (await sql<{ v: string }>`select current_setting('server_version') v`.execute(db)).rows[0].v;
const shared = (await sql<{ v: string }>`select current_setting('shared_buffers') v`.execute(db)).rows[0].v;
const trailRows = await count('trail');
await app.close();
await b.close();

// verify-trail, the command an auditor runs, in its own process: wall time and peak RSS from /usr/bin/time -v.
const vLoad = load();
const t0 = performance.now();
const run = spawnSync(
  '/usr/bin/time',
  ['-v', process.execPath, '--import', 'tsx', 'apps/server/src/cli/verify-trail.ts'],
  {
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, TRAIL_CHECKPOINT_FILE: '/nonexistent' },
    encoding: 'utf8',
  },
);
const out = `${run.stdout}\n${run.stderr}`;
const vMs = performance.now() - t0;
const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(out)?.[1] ?? 0) / 1024;
const verdict = /留痕链(完整|断裂)[^\n]*/.exec(out)?.[0] ?? out.slice(0, 300);

const f = (x: number) => `${x.toFixed(1)} ms`;
sweeps.sort((x, y) => x - y);
const lines = [
  `Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion} (shared_buffers ${shared}), shared with two other engineers' test runs; load average (1 / 5 / 15 min) noted per row.`,
  `Data: ${Object.entries(counts)
    .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
    .join(
      ', ',
    )} (timeline_events ${sizes.find((s) => s.t === 'timeline_events')?.s}, trail ${sizes.find((s) => s.t === 'trail')?.s} with indexes).`,
  ...notes,
  '',
  `${RUNS} runs each after 20 warm-up runs, one client, app and bare SQL interleaved (app, bare, bare, app, …).`,
  '',
  '| measurement | app p50 | app p95 | bare SQL p50 | bare SQL p95 | app / bare (p95) | load during |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    ([l, a, s, ld]) =>
      `| ${l} | ${f(a.p50)} | ${f(a.p95)} | ${f(s.p50)} | ${f(s.p95)} | ${(a.p95 / s.p95).toFixed(2)}× | ${ld} |`,
  ),
  '',
  `Findings sweep (sweepAll, M-04 … M-07, ${swept.cadres.toLocaleString('en')} cadres, ${swept.flags.toLocaleString('en')} flags): ${sweeps.map((x) => `${(x / 1000).toFixed(1)} s`).join(', ')} (target ≤ 30 s; load ${sweepLoad}).`,
  '',
  `\`npm run verify-trail\` over ${trailRows.toLocaleString('en')} rows: **${(vMs / 1000).toFixed(1)} s**, peak RSS **${rss.toFixed(0)} MiB** (target ≤ 60 s; load ${vLoad} before): ${verdict}`,
  '',
  'EXPLAIN (ANALYZE, BUFFERS) of the timeline reads:',
  '',
  '```',
  ...plans,
  '```',
];
writeSection('scale', lines, 'Scale check (issue 12 §9)');
console.log(lines.join('\n'));
