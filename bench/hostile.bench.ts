// Hostile-input benchmark (issue 11 §3): /health latency on a real listening server, idle and then while hostile
// bodies and files are sent concurrently, in the same run. The server runs in a child process (this file with
// HOSTILE_ROLE=server, PGlite in memory, or DATABASE_URL) so the senders here do not share its event loop.
//   npm run bench:hostile      Knobs: HOSTILE_SECONDS (20, the hostile phase), HOSTILE_PROBE_MS (25, between probes)
// Senders: 4 connections of deep JSON at login (no account: 18 KB nested 9,000 levels), 1 of a 2 MiB JSON body,
// 1 of a 250 KiB array, 2 of hostile .xlsx at the roster import (a 100 MiB zip bomb, the same with a lying size
// header, a sheet of 20,001 rows, a real 8,000-row roster: each in turn).
import os from 'node:os';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { boot } from '../apps/server/src/bootstrap.js';
import { buildApp } from '../apps/server/src/app.js';
import { createAccount } from '../apps/server/src/platform/auth/index.js';
import { SYSTEM_ACTOR, write } from '../apps/server/src/platform/trail/index.js';
import { loadRegistry } from '../apps/server/src/demo/index.js';
import { smallRegistry, ORG } from '../apps/server/src/test/fixtures.js';
import { makeZip, zipEntries } from '../apps/server/src/test/zip.js';
import { writeWorkbook, XLSX_TYPE } from '../apps/server/src/platform/sheets/index.js';
import { writeSection } from './results.js';

const PASSWORD = 'correct-horse-battery';

async function serve() {
  const b = await boot({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', key: randomBytes(32) });
  await loadRegistry(b.ctx.db, b.ctx.clock, SYSTEM_ACTOR, smallRegistry());
  await write(b.ctx.db, b.ctx.clock, SYSTEM_ACTOR, (w) =>
    createAccount(b.ctx, w, {
      username: 'bench',
      displayName: 'bench',
      password: PASSWORD,
      role: 'org_supervisor',
      orgId: ORG.R,
      scope: 4,
    }),
  );
  const app = await buildApp(b.ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`PORT ${(app.server.address() as { port: number }).port}`);
}

// ——— the client side ———

let port = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(
  method: string,
  path: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function probeHealth(until: () => boolean, gapMs: number): Promise<number[]> {
  const out: number[] = [];
  while (!until()) {
    const started = performance.now();
    const r = await request('GET', '/api/v1/health');
    if (r.status !== 200) throw new Error(`health answered ${r.status}`);
    out.push(performance.now() - started);
    await new Promise((res) => setTimeout(res, gapMs));
  }
  return out;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function hostileFiles(): Promise<Array<[string, Buffer]>> {
  const base = zipEntries(await writeWorkbook([{ name: '干部', columns: [{ title: '姓名' }], rows: [['周一']] }]));
  const sheet = 'xl/worksheets/sheet1.xml';
  const book = (data: Buffer | string, claimSize?: number) =>
    makeZip([...base].map(([name, d]) => (name === sheet ? { name, data, claimSize } : { name, data: d })));
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const bomb = Buffer.concat([
    Buffer.from(head),
    Buffer.alloc(100 * 1024 * 1024, 0x20),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  const rows = Array.from({ length: 20_001 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join(
    '',
  );
  const real = await writeWorkbook([
    {
      name: '干部',
      columns: Array.from({ length: 15 }, (_, j) => ({ title: `列${j}` })),
      rows: Array.from({ length: 8000 }, (_, i) =>
        Array.from({ length: 15 }, (_, j) => (j % 3 ? `张三${i}-${j}` : i * j)),
      ),
    },
  ]);
  return [
    ['zip bomb', book(bomb)],
    ['lying header', book(bomb, 4096)],
    ['20,001 rows', book(`${head}${rows}</sheetData></worksheet>`)],
    ['8,000-row roster', real],
  ];
}

async function main() {
  const seconds = Number(process.env.HOSTILE_SECONDS ?? 20);
  const gap = Number(process.env.HOSTILE_PROBE_MS ?? 25);
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, HOSTILE_ROLE: 'server' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      if (l.startsWith('PORT ')) resolve(Number(l.slice(5)));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  try {
    const login = await request(
      'POST',
      '/api/v1/auth/login',
      JSON.stringify({ username: 'bench', password: PASSWORD }),
      { 'content-type': 'application/json' },
    );
    const auth = {
      cookie: String(login.headers['set-cookie']).split(';')[0],
      'x-csrf-token': JSON.parse(login.text).csrfToken as string,
    };
    const files = await hostileFiles();
    const deep = `${'['.repeat(9000)}${']'.repeat(9000)}`;
    const senders: Array<[string, () => Promise<number>]> = [
      ...Array.from(
        { length: 4 },
        () =>
          [
            'deep JSON at login',
            async () =>
              (await request('POST', '/api/v1/auth/login', deep, { 'content-type': 'application/json' })).status,
          ] as [string, () => Promise<number>],
      ),
      [
        '2 MiB JSON body',
        async () =>
          (
            await request('POST', '/api/v1/auth/login', `{"username":"${'x'.repeat(2 * 1024 * 1024)}"}`, {
              'content-type': 'application/json',
            })
          ).status,
      ],
      [
        '250 KiB JSON array',
        async () =>
          (
            await request('POST', '/api/v1/orgs', `[${'0,'.repeat(125_000)}0]`, {
              'content-type': 'application/json',
              ...auth,
            })
          ).status,
      ],
    ];
    let next = 0;
    const only = process.env.HOSTILE_SENDERS?.split(',');
    for (let i = 0; i < 2; i++) {
      senders.push([
        'hostile .xlsx at roster import',
        async () => {
          const [, file] = files[next++ % files.length];
          return (
            await request('POST', '/api/v1/roster/import?dryRun=true', file, { 'content-type': XLSX_TYPE, ...auth })
          ).status;
        },
      ]);
    }
    if (only) senders.splice(0, senders.length, ...senders.filter(([what]) => only.some((o) => what.includes(o))));
    // Idle first, then the same probes under the hostile load.
    const idleEnd = performance.now() + (seconds * 1000) / 2;
    const idle = await probeHealth(() => performance.now() > idleEnd, gap);
    const answers = new Map<string, number>();
    let stop = false;
    const loops = senders.map(async ([what, send]) => {
      while (!stop) {
        const status = await send().catch(() => 0);
        const key = `${what} → ${status || 'connection error'}`;
        answers.set(key, (answers.get(key) ?? 0) + 1);
      }
    });
    const end = performance.now() + seconds * 1000;
    const busy = await probeHealth(() => performance.now() > end, gap);
    stop = true;
    await Promise.all(loops);

    const cpu = os.cpus();
    const lines = [
      `Machine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
        `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in memory'}; shared with other sessions during the run (load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')}).`,
      `The server in its own process on 127.0.0.1; /health probed one at a time, ${gap} ms apart: ${seconds / 2} s idle, then ${seconds} s under the senders.`,
      '',
      '| /health | probes | p50 | p99 | max |',
      '|---|---|---|---|---|',
      `| idle | ${idle.length} | ${ms(pct(idle, 0.5))} | ${ms(pct(idle, 0.99))} | ${ms(Math.max(...idle))} |`,
      `| under hostile load | ${busy.length} | ${ms(pct(busy, 0.5))} | ${ms(pct(busy, 0.99))} | ${ms(Math.max(...busy))} |`,
      '',
      '| hostile request → answer | count |',
      '|---|---|',
      ...[...answers].sort().map(([k, n]) => `| ${k} | ${n} |`),
    ];
    console.log(lines.join('\n'));
    writeSection('hostile', lines, 'Hostile input (issue 11 §3)');
  } finally {
    child.kill('SIGTERM');
    agent.destroy();
  }
}

if (process.env.HOSTILE_ROLE === 'server') await serve();
else await main();
