// Registry benchmark (issue 2 §9) on PostgreSQL: p50/p95 of (a) a scoped cadre list page for a county and a city
// account and (b) one cadre with posts and timeline, each through the app's service layer and as bare SQL through
// `pg` doing the same reads. Also the embedded demo's cold and warm start. Writes bench/results.md.
//   DATABASE_URL=postgres://… npm run bench:registry   (creates and reuses database mj_bench)
import os from 'node:os';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { generateRegistry, loadRegistry } from '../apps/server/src/demo/index.js';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/trail/index.js';
import type { Auth } from '../apps/server/src/platform/auth/index.js';
import { listCadres } from '../apps/server/src/modules/registry/cadre.service.js';
import { getCadre } from '../apps/server/src/modules/registry/cadre-record.service.js';
import { PROVINCE_OPTIONS } from './province.js';
import { writeSection } from './results.js';

const base = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL; // the owner may create the bench database (issue 11 §1)
if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (see scripts/pg-local.sh)');
const RUNS = Number(process.env.BENCH_RUNS ?? 1000);

async function ensureDatabase(): Promise<{ url: string; fresh: boolean }> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query(`select 1 from pg_database where datname = 'mj_bench'`)).rowCount;
  if (exists && process.env.BENCH_RELOAD === 'true') await admin.query('drop database mj_bench with (force)');
  if (!exists || process.env.BENCH_RELOAD === 'true') await admin.query('create database mj_bench');
  await admin.end();
  const u = new URL(base!);
  u.pathname = '/mj_bench';
  return { url: u.toString(), fresh: !exists || process.env.BENCH_RELOAD === 'true' };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
type Pcts = { p50: number; p95: number };
/**
 * The app and the bare stack run interleaved (app, bare, bare, app, …), so a noisy moment on the machine lands on
 * both sides alike instead of on whichever happened to run then.
 */
async function measurePair(
  app: (i: number) => Promise<unknown>,
  bare: (i: number) => Promise<unknown>,
): Promise<[Pcts, Pcts]> {
  for (let i = 0; i < 20; i++) {
    await app(i);
    await bare(i);
  } // warm-up
  const xs: number[] = [];
  const ys: number[] = [];
  const time = async (fn: (i: number) => Promise<unknown>, i: number, into: number[]) => {
    const t0 = performance.now();
    await fn(i);
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      await time(app, i, xs);
      await time(bare, i, ys);
    } else {
      await time(bare, i, ys);
      await time(app, i, xs);
    }
  }
  return [
    { p50: pct(xs, 50), p95: pct(xs, 95) },
    { p50: pct(ys, 50), p95: pct(ys, 95) },
  ];
}

const { url, fresh } = await ensureDatabase();
const b = await boot({ databaseUrl: url });
const { db } = b.ctx;
if (fresh || !(await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst())) {
  const t0 = Date.now();
  const r = generateRegistry(PROVINCE_OPTIONS);
  const t1 = Date.now();
  await loadRegistry(db, b.ctx.clock, SYSTEM_ACTOR, r);
  await sql`analyze`.execute(db);
  writeSection('registry-load', [
    `Province registry (bench/province.ts) generated in ${((t1 - t0) / 1000).toFixed(1)} s and loaded into PostgreSQL through the trailed write path (batches of 2,000 rows, one trail row each) in ${((Date.now() - t1) / 1000).toFixed(1)} s, on the machine of the registry section.`,
  ]);
}
const counts = Object.fromEntries(
  await Promise.all(
    (['orgs', 'cadres', 'posts', 'team_members', 'timeline_events', 'relations'] as const).map(async (tb) => [
      tb,
      Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(tb)}`.execute(db)).rows[0].n),
    ]),
  ),
);

// A county and a city, each with an organization-department account of scope 4.
const county = await db
  .selectFrom('orgs')
  .select(['id', 'path'])
  .where('level', '=', 'county')
  .where('unit_type', '=', 'party_committee')
  .orderBy('id')
  .offset(40)
  .limit(1)
  .executeTakeFirstOrThrow();
const city = await db
  .selectFrom('orgs')
  .select(['id', 'path'])
  .where('level', '=', 'city')
  .where('unit_type', '=', 'party_committee')
  .orderBy('id')
  .offset(5)
  .limit(1)
  .executeTakeFirstOrThrow();
const auth = (o: { id: number; path: string }): Auth => ({
  accountId: 1,
  username: 'bench',
  displayName: 'bench',
  role: 'org_supervisor',
  orgId: o.id,
  csrfToken: '',
  isHead: false,
  scope: { code: 4, orgId: o.id, orgPath: o.path, customOrgIds: [], cadreId: null },
});
const actor = { accountId: null, name: 'bench', ip: '127.0.0.1' };
const sample = (
  await sql<{
    id: number;
  }>`select c.id from cadres c join orgs o on o.id = c.org_id where o.path <@ ${city.path}::ltree order by c.id limit 500`.execute(
    db,
  )
).rows.map((r) => r.id);
const subtreeSize = async (p: string) =>
  Number(
    (
      await sql<{
        n: string;
      }>`select count(*) n from cadres c join orgs o on o.id = c.org_id where o.path <@ ${p}::ltree`.execute(db)
    ).rows[0].n,
  );

// Bare SQL: the same reads the service performs (flags included), as hand-written statements through a pg.Pool.
const pool = new pg.Pool({ connectionString: url, max: 4 });
const LIST = `select pg.id, pg.name, pg.gender, pg.birth_date, pg.id_card, pg.org_id, o.name as org_name, cp.title, cp.rank, cp.is_principal,
    coalesce((select json_agg(json_build_object('ruleId', cf.rule_id, 'level', cf.level) order by cf.seq) from cadre_flags cf where cf.cadre_id = pg.id), '[]'::json) as flags
  from (select c.id, c.name, c.name_sort, c.gender, c.birth_date, c.id_card, c.org_id from cadres c
        where c.org_id = any(array(select id from orgs where path <@ $1::ltree)) order by c.name_sort, c.id limit 20 offset $2) pg
  join orgs o on o.id = pg.org_id
  left join lateral (select p.title, p.rank, p.is_principal from posts p where p.cadre_id = pg.id and p.end_date is null
    order by p.is_principal desc, p.start_date desc limit 1) cp on true
  order by pg.name_sort, pg.id`;
const COUNT = 'select count(*) from cadres c where c.org_id = any(array(select id from orgs where path <@ $1::ltree))';
const bareList = (p: string, page: number) => Promise.all([pool.query(LIST, [p, page * 20]), pool.query(COUNT, [p])]);
const bareCadre = (id: number) =>
  Promise.all([
    pool.query('select c.*, o.name as org_name from cadres c join orgs o on o.id = c.org_id where c.id = $1', [id]),
    pool.query(
      'select p.*, o.name from posts p join orgs o on o.id = p.org_id where p.cadre_id = $1 order by p.start_date desc',
      [id],
    ),
    pool.query('select t.*, o.name from team_members t join orgs o on o.id = t.org_id where t.cadre_id = $1', [id]),
    pool.query('select * from relations where cadre_id = $1', [id]),
    pool.query('select * from timeline_events where cadre_id = $1 order by occurred_on desc, id desc limit 100', [id]),
    pool.query('select count(*) from timeline_events where cadre_id = $1', [id]),
    pool.query('select * from cadre_flags where cadre_id = $1 order by seq', [id]),
    bareTrailAppend(id),
  ]);
// The read is trailed in the app, so the bare stack appends the same hash-chained row: lock head, insert (the trigger moves the head).
async function bareTrailAppend(id: number) {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const head = (await c.query('select seq, hash from mj_trail_head()')).rows[0]; // locks the head (0012)
    const seq = String(BigInt(head.seq) + 1n);
    const at = new Date();
    const hash = createHash('sha256')
      .update(head.hash)
      .update('\n')
      .update(
        JSON.stringify([seq, at.toISOString(), null, 'bench', 'cadre.read', 'cadre', String(id), '127.0.0.1', {}]),
      )
      .digest('hex');
    // The insert trigger moves the head (issue 11 §1).
    await c.query(
      `insert into trail (seq, at, actor_id, actor_name, action, entity, entity_id, client_ip, detail, prev_hash, hash)
      values ($1, $2, null, 'bench', 'cadre.read', 'cadre', $3, '127.0.0.1', '{}', $4, $5)`,
      [seq, at, String(id), head.hash, hash],
    );
    await c.query('commit');
  } finally {
    c.release();
  }
}

const rows: Array<[string, { p50: number; p95: number }, { p50: number; p95: number }]> = [];
for (const [label, o] of [
  ['county', county],
  ['city', city],
] as const) {
  const a = auth(o);
  rows.push([
    `(a) cadre list page, ${label} account (${await subtreeSize(o.path)} cadres in scope)`,
    ...(await measurePair(
      (i) => listCadres(b.ctx, a, actor, { page: 1 + (i % 10), pageSize: 20 }),
      (i) => bareList(o.path, i % 10),
    )),
  ]);
}
const cityAuth = auth(city);
rows.push([
  "(b) one cadre with posts, team, relations, flags and the timeline's newest 100 events, as the dossier page requests it (read trailed; bare SQL appends the same trail row)",
  ...(await measurePair(
    // The dossier page asks for the record, which carries the timeline's first page (apps/web DossierPage).
    (i) => getCadre(b.ctx, cityAuth, actor, sample[i % sample.length]),
    (i) => bareCadre(sample[i % sample.length]),
  )),
]);
await pool.end();
const pgVersion = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0].v;
await b.close();

// Embedded demo start: empty data directory → serving, then again on the same directory.
async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}
async function startOnce(dir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const env = { ...process.env, DATA_DIR: dir, PORT: String(port) } as Record<string, string | undefined>;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { env, stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - t0;
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  return ms;
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'mj-start-'));
const cold = await startOnce(dir);
const warm = await startOnce(dir);
rmSync(dir, { recursive: true, force: true });

const f = (x: number) => x.toFixed(1);
const table = [
  '| measurement | app p50 | app p95 | bare SQL p50 | bare SQL p95 | app / bare (p95) |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    ([l, a, s]) =>
      `| ${l} | ${f(a.p50)} ms | ${f(a.p95)} ms | ${f(s.p50)} ms | ${f(s.p95)} ms | ${(a.p95 / s.p95).toFixed(2)}× |`,
  ),
];
writeSection('registry', [
  `Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}; ${RUNS} runs each after 20 warm-up runs, one client at a time, app and bare SQL interleaved.`,
  `Data: ${Object.entries(counts)
    .map(([k, v]) => `${Number(v).toLocaleString('en')} ${k}`)
    .join(', ')}.`,
  '',
  ...table,
  '',
  `Embedded demo (PGlite), time from process start to \`/api/v1/health\` answering 200: cold (empty data directory, initdb + migrations + demo city) **${f(cold / 1000)} s**; warm (same directory) **${f(warm / 1000)} s**.`,
]);
console.log(table.join('\n'));
console.log(`cold start ${f(cold)} ms, warm start ${f(warm)} ms`);
