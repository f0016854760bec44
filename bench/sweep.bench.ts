// Registry rules sweep (issue 3 §2): M-04 … M-07 for every cadre of the province bench dataset on PostgreSQL, as the
// daily job runs it (sweepAll), timed per phase. Target ≤ 30 s. Run bench:registry first to load mj_bench.
//   DATABASE_URL=postgres://… npm run bench:sweep
import os from 'node:os';
import { sql } from 'kysely';
import { boot } from '../apps/server/src/bootstrap.js';
import { sweepAll } from '../apps/server/src/modules/registry/index.js';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/trail/index.js';
import { writeSection } from './results.js';

const base = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL; // the owner may create the bench database (issue 11 §1)
if (!base) throw new Error('set DATABASE_URL to a PostgreSQL server (see scripts/pg-local.sh)');
const u = new URL(base);
u.pathname = '/mj_bench';
const b = await boot({ databaseUrl: u.toString() });
const { db } = b.ctx;
const cadres = Number((await sql<{ n: string }>`select count(*) n from cadres`.execute(db)).rows[0].n);
if (cadres < 100_000) throw new Error('mj_bench is not loaded: run npm run bench:registry first');
const runs: number[] = [];
let last = await sweepAll(b.ctx, SYSTEM_ACTOR); // first run fills the findings; the timed runs see them again
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  last = await sweepAll(b.ctx, SYSTEM_ACTOR);
  runs.push(performance.now() - t0);
}
const pgVersion = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0].v;
await b.close();
runs.sort((a, b2) => a - b2);
const lines = [
  `Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}.`,
  `Whole-province sweep of M-04 … M-07 (sweepAll: facts read set-based in batches of 5,000 cadres, rules evaluated, recorded in the findings store with one trail row per batch): ${last.cadres.toLocaleString('en')} cadres, ${last.flags.toLocaleString('en')} flags (${Object.entries(
    last.byRule,
  )
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
    .join(', ')}).`,
  '',
  `| runs | fastest | median | slowest | target |`,
  `|---|---|---|---|---|`,
  `| 3 | ${(runs[0] / 1000).toFixed(1)} s | ${(runs[1] / 1000).toFixed(1)} s | ${(runs[2] / 1000).toFixed(1)} s | ≤ 30 s |`,
];
writeSection('registry-sweep', lines);
console.log(lines.join('\n'));
