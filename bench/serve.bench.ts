// Production start (issue 13 §3): wall time from spawning to /api/v1/health answering 200 for `npm run serve` (the
// compiled server, no build) against `npm start` (build, then the same server) on a data directory that already
// holds the demo city (warm), and the bare stack doing the same opening in the same run: node opening PGlite on that
// directory and answering one HTTP route. RUNS each, interleaved. Writes bench/results.md (section serve).
//   npm run bench:serve
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../apps/server/src/test/free-port.js';
import { writeSection } from './results.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'mj-bench-serve-'));
const BARE = `
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import http from 'node:http';
const db = await PGlite.create(process.env.DATA_DIR + '/pg', { extensions: { ltree, pg_trgm } });
await db.query('select 1');
http.createServer((q, r) => r.end('{"status":"ok"}')).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', async () => { await db.close(); process.exit(0); });
`;

async function start(cmd: string, args: string[]): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PORT: String(port), STARTUP_JOBS_DELAY_MS: '600000' };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'ignore', detached: true });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - t0;
  // npm start: the server is npm's grandchild; SIGTERM to the group stops it with npm.
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 500)); // the data directory's lock released
  return ms;
}

try {
  spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  await start(process.execPath, ['apps/server/dist/main.js']); // the demo city loaded once: every start below is warm
  const times: Record<string, number[]> = { serve: [], start: [], bare: [] };
  for (let i = 0; i < RUNS; i++) {
    times.serve.push(await start('npm', ['run', '-s', 'serve']));
    times.start.push(await start('npm', ['start', '-s']));
    times.bare.push(await start(process.execPath, ['--input-type=module', '-e', BARE]));
  }
  const s = (ms: number[]) => ms.map((m) => `${(m / 1000).toFixed(1)} s`).join(', ');
  const cpu = os.cpus();
  const rows = [
    `| \`npm run serve\` (compiled, no build) | ${s(times.serve)} |`,
    `| \`npm start\` (build, then the same) | ${s(times.start)} |`,
    `| bare: node + PGlite on the same directory + one HTTP route | ${s(times.bare)} |`,
  ];
  writeSection('serve', [
    `Machine: ${cpu[0]?.model.trim()} × ${cpu.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Spawn to /api/v1/health 200 on a data directory already holding the demo city; ${RUNS} runs each, interleaved; start-up jobs held back.`,
    '',
    '| start | times |',
    '| ----- | ----- |',
    ...rows,
  ]);
  console.log(rows.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
