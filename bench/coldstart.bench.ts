// Embedded first start (issue 12 §8): the compiled `main.js` as `npm start` runs it after `npm run build` (the build
// is not timed), from process spawn until `/api/v1/health` answers 200 with the demo city loaded, on an empty data
// directory — (a) with no migrated template yet (a new machine: initdb, and the template is made), (b) with the
// template made by an earlier start or test run, (b′) the same through tsx (how the tests and a developer start
// main.ts) — then (c) again on the same directory. Each RUNS times; the load average with each. Prints main's own
// phase line per start and writes bench/results.md (section coldstart).
//   npm run bench:coldstart     (no DATABASE_URL needed: always the embedded database)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../apps/server/src/test/free-port.js';
import { writeSection } from './results.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const load = () => os.loadavg()[0].toFixed(1);

interface Start {
  ms: number;
  load: string;
  phases: string;
}

const COMPILED = ['apps/server/dist/main.js'];
const TSX = ['--import', 'tsx', 'apps/server/src/main.ts'];

async function startOnce(dataDir: string, templateDir: string, args = COMPILED): Promise<Start> {
  const port = await freePort();
  const before = load();
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    MINGJIAN_TEMPLATE_DIR: templateDir,
  };
  delete env.DATABASE_URL;
  delete env.MINGJIAN_DEMO;
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (b) => {
    out += b;
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - t0;
  // Let the deferred start-up jobs finish and print, so the next start does not compete with them.
  const settle = Date.now() + 30_000;
  while (Date.now() < settle && !/规则评估 Rules evaluated/.test(out)) await new Promise((r) => setTimeout(r, 100));
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  const phases = /Start-up phases: (.*)/.exec(out)?.[1] ?? '(no phase line)';
  const sweep = /规则评估 Rules evaluated: .*\((\d+) ms\)/.exec(out)?.[1];
  return { ms, load: `${before}→${load()}`, phases: `${phases}${sweep ? `; sweep ${sweep} ms` : ''}` };
}

if (spawnSync('npm', ['run', 'build:server'], { stdio: 'inherit' }).status !== 0)
  throw new Error('build:server failed');
const rows: Array<[string, Start]> = [];
for (let i = 0; i < RUNS; i++) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mj-coldstart-'));
  const templateDir = path.join(tmp, 'template'); // private to this run: (a) really has no template
  const dataDir = path.join(tmp, 'data');
  const second = path.join(tmp, 'data2');
  for (const [label, dir, args] of [
    ['(a) empty data directory, no template', dataDir, COMPILED],
    ['(b) empty data directory, template present', second, COMPILED],
    ['(b′) the same through tsx (tests, development)', path.join(tmp, 'data3'), TSX],
    ['(c) same directory again', second, COMPILED],
  ] as const) {
    const s = await startOnce(dir, templateDir, [...args]);
    rows.push([label, s]);
    console.log(`run ${i + 1} ${label}: ${(s.ms / 1000).toFixed(1)} s (load ${s.load}) — ${s.phases}`);
  }
  rmSync(tmp, { recursive: true, force: true });
}

const secs = (label: string) =>
  rows
    .filter(([l]) => l === label)
    .map(([, s]) => `${(s.ms / 1000).toFixed(1)} s`)
    .join(', ');
writeSection('coldstart', [
  `Machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, shared with other work (1-minute load average before→after each start in brackets). Time from spawning \`node apps/server/dist/main.js\` (what \`npm start\` runs after \`npm run build\`, which is not timed; (b′) \`node --import tsx apps/server/src/main.ts\`) to \`/api/v1/health\` answering 200, demo city loaded; ${RUNS} runs.`,
  '',
  '| start | times |',
  '|---|---|',
  ...[...new Set(rows.map(([l]) => l))].map((l) => `| ${l} | ${secs(l)} |`),
  '',
  'Phases as main.ts prints them (each since the previous; "modules" is process start to main.ts running):',
  '',
  ...rows.map(([l, s]) => `- ${l}, ${(s.ms / 1000).toFixed(1)} s (load ${s.load}): ${s.phases}`),
]);
