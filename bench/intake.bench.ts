// Intake benchmark (issue 4 §11) on PostgreSQL: public report submissions per second through the app
// (`POST /api/v1/public/reports`: validation, routing, settings, related-report check, HMAC receipt, Ed25519 proof, trailed
// write of the report and its clocks) against a bare Fastify + pg endpoint doing the same routing lookup and writing the
// same rows (report, clocks, trail) in the fewest round trips, both over real HTTP on 127.0.0.1.
// Target (issue 4): app ≥ 50 % of bare. Also the receipt HMAC and the proof signature alone, µs per operation.
//   DATABASE_URL=postgres://… npm run bench:intake   (creates and drops database mj_intake_bench)
// Knobs: INTAKE_RUNS (3), INTAKE_ROUNDS (10 per side and concurrency in each run), INTAKE_REQUESTS (800 per round),
// INTAKE_CONCURRENCY ("8,32"), INTAKE_ROUND_SECONDS (60, a round stops issuing requests after this).
//
// Each server runs in its own child process (this file, INTAKE_ROLE=app|bare), so the load generator in this process
// does not share an event loop with either. Rounds alternate app/bare (app, bare, bare, app, …) so a noisy moment on
// the machine lands on both sides alike.
import os from 'node:os';
import http from 'node:http';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { buildApp } from '../apps/server/src/app.js';
import { openDatabase } from '../apps/server/src/platform/db/index.js';
import { SecretBox, newSigner } from '../apps/server/src/platform/crypto/index.js';
import { SYSTEM_ACTOR, startCheckpoints, verifyTrail } from '../apps/server/src/platform/trail/index.js';
import { DEMO_CITY_OPTIONS, generateRegistry, loadRegistry } from '../apps/server/src/demo/index.js';
import { newReceipt, receiptDigest } from '../apps/server/src/modules/reports/receipt.service.js';
import { writeSection } from './results.js';

const DB_NAME = 'mj_intake_bench';
const POOL_SIZE = 10; // the app's pg.Pool default (platform/db/client.ts); the bare side gets the same
const APP_PATH = '/api/v1/public/reports';
const BARE_PATH = '/bare/reports';

// ——— servers (child processes) ———

// issue 11 §1: both sides chain with the same HMAC key; the app runs as the restricted role when the owner's URL is given.
const trailKey = () => Buffer.from(process.env.INTAKE_TRAIL_KEY ?? '', 'base64');

async function serveApp(url: string) {
  const b = await boot({
    databaseUrl: url,
    migrationUrl: process.env.INTAKE_OWNER_DB || undefined,
    dataDir: 'memory://',
    key: randomBytes(32),
    trailKey: trailKey(),
  });
  // Checkpoints of the trail head as the server writes them, but every 10 s rather than every 5 minutes, so their cost
  // (verifying the rows since the last one, signing, appending) lands inside the rounds.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mj-intake-'));
  const checkpoints = await startCheckpoints({
    db: b.ctx.db,
    signer: b.ctx.signer,
    clock: b.ctx.clock,
    file: path.join(dir, 'checkpoints.jsonl'),
    everyMs: 10_000,
  });
  // A registry for routing to match: the demo city (its registry only, no accounts).
  if (!(await b.ctx.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst())) {
    await loadRegistry(b.ctx.db, b.ctx.clock, SYSTEM_ACTOR, generateRegistry(DEMO_CITY_OPTIONS));
  }
  // The public submission limiter (10/hour per address) raised out of the way; it still runs on every request.
  const app = await buildApp(b.ctx, {
    publicLimits: { submissionsPerHour: 1e9, lookupsPerTenMinutes: 1e9, wrongReceiptDelayMs: 800 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  announce(app.server.address(), async () => {
    await app.close();
    await checkpoints.stop();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

interface BareBody {
  accused: { name: string; unit?: string; post?: string };
  content: string;
  happened?: string;
  anonymous: boolean;
  reporter?: { name: string; phone?: string };
}

/**
 * The bare endpoint does the same work with nothing between it and pg: Fastify's own JSON parsing, no schema; the
 * routing lookup as one query (the same rule: one matching cadre → a principal goes a level up, anyone else to the
 * post's unit; otherwise the top unit); then one transaction: lock the trail head and take both ids in one select,
 * and ONE statement inserting the same `reports` row, its intake clocks (acceptance decision; telling a named
 * reporter) and the hash-chained trail row and moving the head. No settings read, no related-report comparison, no
 * HMAC, no signature, no sealing (a named reporter is stored as plain JSON). The chain verifies like the app's own.
 */
async function serveBare(url: string) {
  const key = trailKey();
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const top = (await pool.query('select id from orgs where parent_id is null order by id limit 1')).rows[0]
    .id as number;
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const route = async (name: string, unit?: string) => {
    const rows = (
      await pool.query(
        `select p.cadre_id, p.is_principal, o.id as org_id, o.parent_id, o.name from posts p
      join orgs o on o.id = p.org_id join cadres c on c.id = p.cadre_id where c.name = $1 and p.end_date is null`,
        [name],
      )
    ).rows;
    const held = unit ? rows.filter((p) => p.name === unit || p.name.includes(unit) || unit.includes(p.name)) : rows;
    if (new Set(held.map((p) => p.cadre_id)).size !== 1) return { cadre: null, org: top, up: false };
    const principal = held.find((p) => p.is_principal);
    return principal?.parent_id
      ? { cadre: held[0].cadre_id, org: principal.parent_id, up: true }
      : { cadre: held[0].cadre_id, org: held[0].org_id, up: false };
  };
  const day = (at: Date, days: number) =>
    new Date(at.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  app.post(BARE_PATH, async (req, reply) => {
    const r = req.body as BareBody;
    const receipt = newReceipt();
    const contentSha256 = createHash('sha256').update(r.content).digest('hex');
    const at = new Date();
    const to = await route(r.accused.name, r.accused.unit);
    const c = await pool.connect();
    try {
      await c.query('begin');
      const h = (
        await c.query(`select seq, hash, nextval(pg_get_serial_sequence('reports', 'id'))::int as id, nextval('report_number_seq') as n
        from mj_trail_head()`)
      ).rows[0];
      const number = `JB${at.getUTCFullYear()}${String(h.n).padStart(6, '0')}`;
      const seq = String(BigInt(h.seq) + 1n);
      // Keys in sorted order, so JSON.stringify gives the trail's canonical JSON.
      const detail = {
        anonymous: r.anonymous,
        channel: 'web',
        competentOrgId: to.org,
        contentSha256,
        number,
        routedUp: to.up,
      };
      const hash = createHmac('sha256', key)
        .update(h.hash)
        .update('\n')
        .update(
          JSON.stringify([
            seq,
            at.toISOString(),
            null,
            'public',
            'report.receive',
            'report',
            String(h.id),
            null,
            detail,
          ]),
        )
        .digest('hex');
      // The clocks: 15 days to decide, and (named only; 21 calendar days standing in for 15 working days) to tell the reporter.
      await c.query(
        `with report as (
          insert into reports (id, number, channel, received_at, accused_name, accused_unit, accused_post, accused_cadre_id, competent_org_id,
            routed_up, content, happened, anonymous, reporter_sealed, receipt_digest, content_sha256, registered_by, created_at, matter_id)
          values ($1, $2, 'web', $3, $4, $5, $6, $19, $7, $20, $8, $9, $10, $11, $12, $13, null, $3, $1)),
        clocks as (
          insert into case_deadlines (kind, report_id, start_on, due_on, unit, created_at)
          select * from (values ('accept_decision', $1::int, $21::date, $22::date, 'calendar', $3::timestamptz),
            ('inform_named', $1::int, $21::date, $23::date, 'working', $3::timestamptz)) v where not $10::boolean or v.column1 = 'accept_decision')
        insert into trail (seq, at, actor_id, actor_name, action, entity, entity_id, client_ip, detail, prev_hash, hash)
          values ($14, $3, null, 'public', 'report.receive', 'report', $15, null, $16, $17, $18)`,
        [
          h.id,
          number,
          at,
          r.accused.name,
          r.accused.unit ?? null,
          r.accused.post ?? null,
          to.org,
          r.content,
          r.happened ?? null,
          r.anonymous,
          r.reporter ? JSON.stringify(r.reporter) : null,
          receipt,
          contentSha256,
          seq,
          String(h.id),
          JSON.stringify(detail),
          h.hash,
          hash,
          to.cadre,
          to.up,
          day(at, 0),
          day(at, 15),
          day(at, 21),
        ],
      );
      await c.query('commit');
      return reply.status(201).send({ receipt, number });
    } catch (e) {
      await c.query('rollback').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  announce(app.server.address(), async () => {
    await app.close();
    await pool.end();
  });
}

function announce(addr: unknown, close: () => Promise<void>) {
  console.log(`READY ${(addr as { port: number }).port}`);
  process.on('SIGTERM', () => void close().finally(() => process.exit(0)));
}

// ——— driver ———

interface Server {
  port: number;
  path: string;
  child: ChildProcess;
  sent: number;
}

async function startServer(which: 'app' | 'bare', db: FreshDb): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      INTAKE_ROLE: which,
      INTAKE_DB: db.url,
      INTAKE_OWNER_DB: db.ownerUrl ?? '',
      INTAKE_TRAIL_KEY: db.trailKey.toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (l) => {
      if (l.startsWith('READY ')) resolve(Number(l.slice(6)));
      else process.stderr.write(`[${which}] ${l}\n`);
    });
    child.on('exit', (code) => reject(new Error(`${which} server exited (${code}) before it was ready`)));
  });
  return { port, path: which === 'app' ? APP_PATH : BARE_PATH, child, sent: 0 };
}

async function stopServer(s: Server) {
  const exited = new Promise((r) => s.child.on('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

/** utime + stime of a process in ms, from /proc (Linux); null where it cannot be read. */
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // fields 14 and 15, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

function post(agent: http.Agent, port: number, path: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Round {
  rps: number;
  done: number;
  errors: number;
  secs: number;
  lat: number[];
  serverCpuMsPerReq: number | null;
  dbCpuMsPerReq: number | null;
  clientCpuMsPerReq: number;
}

/** N requests, C at a time over C keep-alive connections; stops issuing new ones at the deadline. */
async function round(
  s: Server,
  n: number,
  c: number,
  bodies: Buffer[],
  dbPids: () => Promise<number[]>,
): Promise<Round> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: c });
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  const pids = await dbPids();
  const sumCpu = (ps: number[]) =>
    ps.reduce<number | null>((a, p) => {
      const v = cpuMs(p);
      return a == null || v == null ? null : a + v;
    }, 0);
  const cpu0 = cpuMs(s.child.pid);
  const me0 = process.cpuUsage();
  const db0 = sumCpu(pids);
  const t0 = performance.now();
  const deadline = t0 + ROUND_SECONDS * 1000;
  const worker = async () => {
    while (next < n && performance.now() < deadline) {
      next++;
      const i = s.sent++; // each side walks the same sequence of bodies
      const ts = performance.now();
      try {
        if ((await post(agent, s.port, s.path, bodies[i % bodies.length])) === 201) lat.push(performance.now() - ts);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: c }, worker));
  const secs = (performance.now() - t0) / 1000;
  const cpu1 = cpuMs(s.child.pid);
  const me = process.cpuUsage(me0);
  const db1 = sumCpu(pids);
  agent.destroy();
  return {
    rps: lat.length / secs,
    done: lat.length,
    errors,
    secs,
    lat,
    serverCpuMsPerReq: cpu0 == null || cpu1 == null ? null : (cpu1 - cpu0) / Math.max(1, lat.length),
    dbCpuMsPerReq: db0 == null || db1 == null ? null : (db1 - db0) / Math.max(1, lat.length),
    clientCpuMsPerReq: (me.user + me.system) / 1000 / Math.max(1, lat.length),
  };
}

const RUNS = Number(process.env.INTAKE_RUNS ?? 3);
const ROUNDS = Number(process.env.INTAKE_ROUNDS ?? 10);
const REQUESTS = Number(process.env.INTAKE_REQUESTS ?? 800);
const CONCURRENCY = (process.env.INTAKE_CONCURRENCY ?? '8,32').split(',').map(Number);
const ROUND_SECONDS = Number(process.env.INTAKE_ROUND_SECONDS ?? 60);
const WARMUP = 300;
const KNOWN = 1500; // serving cadres the submissions name
const BODIES = 4000; // distinct submissions, walked in order by each side

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

type Accused = { name: string; unit?: string; post?: string };

/**
 * Submissions spread as real intake is: over many people (a sample of the registry's serving cadres, named with
 * their unit and post, so routing matches and principals are routed up) plus one in eight about a name the registry
 * does not know (sent to the top unit); texts differ; half anonymous, half named.
 */
function requestBodies(known: Accused[], n: number): Buffer[] {
  const acts = [
    '在工程项目招标中多次打招呼，要求将项目交给其亲属实际控制的公司承建',
    '逢年过节收受下属单位和企业送的购物卡、烟酒，数额较大',
    '违规使用公车办私事，并长期占用下属单位的车辆',
    '在干部选拔中搞“小圈子”，提拔与其关系密切的人员',
    '违规发放津贴补贴，账目不清',
    '在征地拆迁补偿中优亲厚友，虚报面积套取补偿款',
    '工作日中午多次在私人会所饮酒',
    '对群众反映的问题推诿扯皮，长期不予解决',
  ];
  const places = [
    '城关街道道路改造项目',
    '办公楼维修工程',
    '农村饮水安全工程',
    '老旧小区改造',
    '学校食堂采购',
    '河道整治工程',
  ];
  return Array.from({ length: n }, (_, i) => {
    const accused = i % 8 === 7 ? { name: `王某${i}`, unit: `某单位${i % 97}` } : known[i % known.length];
    const content =
      `${2020 + (i % 6)}年以来，该同志${acts[i % acts.length]}。相关事项涉及${places[(i >> 3) % places.length]}，` +
      `涉及金额约${(i % 9) + 1}${['十', '百'][i % 2]}万元。知情人包括经办人员和部分相关单位负责人，可以提供联系方式和书面材料（编号 ${i}）。` +
      `${acts[(i * 7 + 3) % acts.length]}的问题也有群众反映，希望组织调查核实，依规依纪处理。`;
    const body =
      i % 2 === 0
        ? { accused, content, happened: `${2020 + (i % 6)}年至今`, anonymous: true }
        : {
            accused,
            content,
            anonymous: false,
            reporter: { name: '刘群众', phone: `138 0000 ${String(i % 10_000).padStart(4, '0')}` },
          };
    return Buffer.from(JSON.stringify(body));
  });
}

interface FreshDb {
  url: string;
  ownerUrl?: string;
  trailKey: Buffer;
}

/** Created by the owner role (MIGRATION_DATABASE_URL) when there is one, as the README's installation does. */
async function ensureFreshDatabase(base: string, ownerBase?: string): Promise<FreshDb> {
  const admin = new pg.Client({ connectionString: ownerBase ?? base });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const withDb = (u: URL) => {
    u.pathname = `/${DB_NAME}`;
    return u.toString();
  };
  return {
    url: withDb(new URL(base)),
    ownerUrl: ownerBase ? withDb(new URL(ownerBase)) : undefined,
    trailKey: randomBytes(32),
  };
}

/** Median µs per call over `batches` batches of `n` calls (after one warm-up batch). */
function microbench(
  n: number,
  batches: number,
  fn: (i: number) => unknown,
): { median: number; min: number; max: number } {
  for (let i = 0; i < n; i++) fn(i);
  const per: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    per.push(((performance.now() - t0) * 1000) / n);
  }
  return { median: median(per), min: Math.min(...per), max: Math.max(...per) };
}

interface Cell {
  rounds: Round[];
} // one side at one concurrency in one run

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (see scripts/pg-local.sh)');
  const load0 = os.loadavg();
  const startedAt = Date.now();
  let pgVersion = '';
  // results[run][concurrency] = { app, bare, ratios of adjacent rounds }
  const results: Array<Map<number, { app: Cell; bare: Cell; ratios: number[] }>> = [];
  let trailRows = 0;
  let registrySize = { o: 0, c: 0 };

  for (let run = 0; run < RUNS; run++) {
    const fresh = await ensureFreshDatabase(base, process.env.MIGRATION_DATABASE_URL || undefined);
    const app = await startServer('app', fresh); // migrates and loads the small registry first
    const bare = await startServer('bare', fresh);
    const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 1 });
    const known = (
      await sql<Accused>`select c.name, o.name as unit, p.title as post from posts p join cadres c on c.id = p.cadre_id
      join orgs o on o.id = p.org_id where p.end_date is null order by md5(p.id::text) limit ${KNOWN}`.execute(
        database.db,
      )
    ).rows;
    const bodies = requestBodies(known, BODIES);
    registrySize = (
      await sql<{
        o: number;
        c: number;
      }>`select (select count(*)::int from orgs) as o, (select count(*)::int from cadres) as c`.execute(database.db)
    ).rows[0];
    pgVersion = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db)).rows[0]
      .v;
    // The servers' own PostgreSQL backends, for their CPU time (readable when this runs as root or as postgres).
    const dbPids = async () =>
      (
        await sql<{ pid: number }>`select pid from pg_stat_activity
      where datname = ${DB_NAME} and pid <> pg_backend_pid() and backend_type = 'client backend'`.execute(database.db)
      ).rows.map((r) => r.pid);
    const perC = new Map<number, { app: Cell; bare: Cell; ratios: number[] }>();
    for (const c of CONCURRENCY) {
      await round(app, WARMUP, c, bodies, dbPids);
      await round(bare, WARMUP, c, bodies, dbPids);
      const cell = { app: { rounds: [] as Round[] }, bare: { rounds: [] as Round[] }, ratios: [] as number[] };
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
        for (const side of order) {
          const res = await round(side === 'app' ? app : bare, REQUESTS, c, bodies, dbPids);
          if (res.errors) console.error(`  ${side} c=${c}: ${res.errors} requests failed`);
          cell[side].rounds.push(res);
        }
        cell.ratios.push(cell.app.rounds[r].rps / cell.bare.rounds[r].rps);
        console.log(
          `run ${run + 1} c=${c} round ${r + 1}: app ${cell.app.rounds[r].rps.toFixed(0)}/s, bare ${cell.bare.rounds[r].rps.toFixed(0)}/s, ` +
            `ratio ${(cell.ratios[r] * 100).toFixed(0)} %, load ${os.loadavg()[0].toFixed(2)}`,
        );
      }
      perC.set(c, cell);
    }
    await stopServer(app);
    await stopServer(bare);
    // Both sides wrote a valid chain: every row the bare side appended verifies like the app's own.
    const v = await verifyTrail(database.db, { key: { key: fresh.trailKey, keyedFrom: 1n, hash: 'SHA-256' } });
    if (!v.ok) throw new Error(`trail broken at ${v.firstBrokenSeq}: ${v.reason}`);
    trailRows = v.rows;
    await database.close();
    results.push(perC);
  }
  const load1 = os.loadavg();
  const minutes = (Date.now() - startedAt) / 60000;

  // Receipt HMAC and proof signature alone, with the servers stopped.
  const box = new SecretBox(randomBytes(32));
  const signer = newSigner();
  const receipts = Array.from({ length: 1000 }, () => newReceipt());
  const hmac = microbench(20_000, 7, (i) => receiptDigest(box, receipts[i % receipts.length]));
  const receivedAt = new Date().toISOString();
  const contentSha256 = createHash('sha256').update('x').digest('hex');
  const signing = microbench(2_000, 7, (i) =>
    signer.sign({
      kind: 'mingjian.report-receipt',
      number: `JB2026${String(i).padStart(6, '0')}`,
      receivedAt,
      contentSha256,
    }),
  );
  const reporter = JSON.stringify({ name: '刘群众', phone: '138 0000 0000' });
  const seal = microbench(20_000, 7, (i) => box.seal(reporter, `report-reporter:${i}`));

  // ——— report ———
  const f0 = (x: number) => x.toFixed(0);
  const f1 = (x: number) => x.toFixed(1);
  const lines: string[] = [];
  const table = [
    '| concurrency | app reports/s | bare reports/s | app / bare | app p50 / p95 | bare p50 / p95 | app server CPU / report | bare server CPU / report | PostgreSQL CPU / report, app / bare |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const summary: Array<{ c: number; app: number; bare: number; ratio: number }> = [];
  const cpuLines: string[] = [];
  for (const c of CONCURRENCY) {
    const cells = results.map((r) => r.get(c)!);
    const runMed = (side: 'app' | 'bare') => cells.map((x) => median(x[side].rounds.map((r) => r.rps)));
    const allRps = (side: 'app' | 'bare') => cells.flatMap((x) => x[side].rounds.map((r) => r.rps));
    const lat = (side: 'app' | 'bare', p: number) =>
      median(
        cells.map((x) =>
          pct(
            x[side].rounds.flatMap((r) => r.lat),
            p,
          ),
        ),
      );
    const cpuOf = (side: 'app' | 'bare', k: 'serverCpuMsPerReq' | 'dbCpuMsPerReq' | 'clientCpuMsPerReq') => {
      const xs = cells.flatMap((x) => x[side].rounds.map((r) => r[k])).filter((v): v is number => v != null);
      return xs.length ? median(xs) * 1000 : null;
    };
    const cpu = (side: 'app' | 'bare', k: 'serverCpuMsPerReq' | 'dbCpuMsPerReq') => {
      const v = cpuOf(side, k);
      return v == null ? 'n/a' : `${f0(v)} µs`;
    };
    // What the ratio would be on a machine the bench had to itself, where intake is CPU-bound: total CPU per report
    // (server + its PostgreSQL backends + load generator), bare over app. Far less sensitive to neighbours than wall time.
    const total = (side: 'app' | 'bare') =>
      [cpuOf(side, 'serverCpuMsPerReq'), cpuOf(side, 'dbCpuMsPerReq'), cpuOf(side, 'clientCpuMsPerReq')].reduce<
        number | null
      >((a, v) => (a == null || v == null ? null : a + v), 0);
    const ta = total('app');
    const tb = total('bare');
    cpuLines.push(
      `c=${c}: app ${ta == null ? 'n/a' : f0(ta)} µs, bare ${tb == null ? 'n/a' : f0(tb)} µs (load generator ${f0(cpuOf('app', 'clientCpuMsPerReq')!)} / ${f0(cpuOf('bare', 'clientCpuMsPerReq')!)} µs)` +
        (ta && tb ? ` → CPU-bound ratio **${f0((tb / ta) * 100)} %**` : ''),
    );
    const ratios = cells.flatMap((x) => x.ratios);
    const appMed = median(runMed('app'));
    const bareMed = median(runMed('bare'));
    const ratio = median(ratios);
    summary.push({ c, app: appMed, bare: bareMed, ratio });
    const spread = (xs: number[]) => `${f0(Math.min(...xs))}–${f0(Math.max(...xs))}`;
    table.push(
      `| ${c} | **${f0(appMed)}** (rounds ${spread(allRps('app'))}) | **${f0(bareMed)}** (rounds ${spread(allRps('bare'))}) | ` +
        `**${f0(ratio * 100)} %** (pairs ${f0(Math.min(...ratios) * 100)}–${f0(Math.max(...ratios) * 100)} %) | ` +
        `${f1(lat('app', 50))} / ${f1(lat('app', 95))} ms | ${f1(lat('bare', 50))} / ${f1(lat('bare', 95))} ms | ` +
        `${cpu('app', 'serverCpuMsPerReq')} | ${cpu('bare', 'serverCpuMsPerReq')} | ${cpu('app', 'dbCpuMsPerReq')} / ${cpu('bare', 'dbCpuMsPerReq')} |`,
    );
    lines.push(
      `c=${c}: run medians app ${runMed('app').map(f0).join(', ')}; bare ${runMed('bare').map(f0).join(', ')}; ` +
        `pair ratios ${ratios.map((r) => `${f0(r * 100)} %`).join(', ')}`,
    );
  }
  const errors = results
    .flatMap((r) => [...r.values()])
    .flatMap((x) => [...x.app.rounds, ...x.bare.rounds])
    .reduce((a, r) => a + r.errors, 0);
  const slowest = Math.min(...summary.map((s) => s.app));
  const share = (us: number) => `${f1((us * slowest) / 1e4)} % of one core at ${f0(slowest)} reports/s`;
  const cpus = os.cpus();
  writeSection(
    'intake',
    [
      `Machine: ${cpus[0]?.model ?? 'cpu'} × ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}, ` +
        `all on the same 2 cores (load generator, both servers, PostgreSQL): ` +
        `load average ${load0.map((x) => x.toFixed(2)).join(' / ')} at the start, ${load1.map((x) => x.toFixed(2)).join(' / ')} at the end (${f1(minutes)} min).`,
      '',
      `Method (bench/intake.bench.ts): ${RUNS} runs, each on a fresh database \`${DB_NAME}\` with the demo city's registry (${registrySize.o.toLocaleString('en')} units, ${registrySize.c.toLocaleString('en')} cadres; no accounts) and ` +
        `fresh server processes; per run and concurrency one warm-up round of ${WARMUP} per side, then ${ROUNDS} rounds of ${REQUESTS} \`POST\`s per side, ` +
        `app and bare alternating (app, bare, bare, app, …). Concurrency = keep-alive connections, each with one request in flight (node:http client in ` +
        `the driver process). Each side walks the same ${BODIES.toLocaleString('en')} distinct submissions in order: seven in eight name one of ${KNOWN.toLocaleString('en')} serving cadres ` +
        `sampled from the registry, with unit and post (routing matches; principals go a level up), one in eight an unknown name (top unit); half anonymous, half named; ` +
        `~150 characters of content each. **App**: the real \`buildApp\` on \`boot()\` over PostgreSQL (pool of ${POOL_SIZE}), submission limiter raised to 10⁹/hour ` +
        `(still running): zod validation, routing lookup, HMAC receipt, AES-GCM sealing of a named reporter, \`write()\` with its trail append, Ed25519 proof, ` +
        `response with the proof and public key. **Bare**: the same work by hand — plain Fastify (no schema) + \`pg.Pool\` of ${POOL_SIZE}: the routing lookup ` +
        `as one query (same rule); begin; lock the trail head and take both ids in one select; one statement inserting the same \`reports\` row, its ` +
        `intake clocks (\`case_deadlines\`) and the hash-chained trail row and moving the head; commit (5 round trips to the app's 8); no settings read, ` +
        `no related-report comparison, no HMAC, no signature, no sealing. Both write into the same database and the trail chain verifies after every run ` +
        `(${trailRows.toLocaleString('en')} rows in the last). Throughput = completed 201s / wall time of the round; figures are the median over runs of each run's ` +
        `median round; the ratio is the median over all adjacent app/bare round pairs; latencies are the median over runs of each run's pooled p50/p95; ` +
        `CPU per report is utime+stime from /proc of the server process and of its PostgreSQL backends, median over rounds. Failed requests: ${errors}.`,
      '',
      ...table,
      '',
      `Noise: ${lines.join('. ')}.`,
      '',
      `CPU per report, all processes (server + its PostgreSQL backends + load generator, median over rounds): ${cpuLines.join('; ')}.`,
      '',
      `Crypto alone (this process, servers stopped; median of 7 batches, min–max in brackets): receipt HMAC-SHA-256 (\`receiptDigest\` → \`ctx.box.digest\`) ` +
        `**${f1(hmac.median)} µs** (${f1(hmac.min)}–${f1(hmac.max)}); Ed25519 proof (\`ctx.signer.sign\`, canonical JSON + signature) ` +
        `**${f1(signing.median)} µs** (${f1(signing.min)}–${f1(signing.max)}); for comparison AES-256-GCM sealing of a named reporter ` +
        `${f1(seal.median)} µs. At the app's slowest median rate these are ${share(hmac.median)}, ${share(signing.median)} and ${share(seal.median)}.`,
      '',
      `Target (issue 4): app ≥ 50 % of bare — ${summary.map((s) => `c=${s.c}: ${f0(s.ratio * 100)} % (${s.ratio >= 0.5 ? 'met' : 'NOT met'})`).join('; ')}.`,
    ],
    'Intake (issue 4)',
  );
  console.log(table.join('\n'));
  console.log(lines.join('\n'));
  console.log(cpuLines.join('\n'));
  console.log(`hmac ${f1(hmac.median)} µs, sign ${f1(signing.median)} µs, seal ${f1(seal.median)} µs`);
}

// Entry (last, after every constant above is initialized): a server child, or the driver.
const role = process.env.INTAKE_ROLE;
if (role === 'app') await serveApp(process.env.INTAKE_DB!);
else if (role === 'bare') await serveBare(process.env.INTAKE_DB!);
else await main();
