// Starts the real app as a child process on a fresh embedded database, compiled as `npm start` runs it
// (apps/server/dist/main.js, built by `npm run build` before the browser tests), so they exercise exactly that.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../apps/server/src/test/free-port.js';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';

export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mingjian-e2e-'));
  const port = await freePort();
  // The start-up sweep at once: the browser tests wait for its line before they begin.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST,
    MINGJIAN_DEMO: 'true',
    STARTUP_JOBS_DELAY_MS: '0',
  };
  delete env.DATABASE_URL; // the browser leg always uses the embedded PGlite, never an outside PostgreSQL

  // detached → own process group, so stop() can kill the whole tree with one signal.
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = ''; // kept for the error message if the server never comes up
  child.stdout.on('data', (b) => {
    output += b;
  });
  child.stderr.on('data', (b) => {
    output += b;
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });

  const url = `http://${HOST}:${port}`;
  const stop = async () => {
    if (exited === undefined && child.pid) {
      const gone = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      // main.ts closes PGlite on SIGTERM; force it if that hangs.
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 10_000);
      await gone;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  // Poll health: first boot runs migrations and seeds the demo city, which takes a while.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) break;
    try {
      const res = await fetch(`${url}/api/v1/health`);
      // The start-up sweep runs once the server answers; the tests read its flags, so wait for it too.
      if (res.status === 200 && /规则评估 Rules evaluated/.test(output)) return { url, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server did not become healthy (exit code ${exited}):\n${output}`);
}
