// The real app (main.ts) as a child process, so a crash shows as the process ending. Through tsx, so the unit tests
// need no build (`npm start` runs the same main compiled: scripts/build-server.mjs).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface AppProcess {
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The exit code once it has ended by itself; undefined while it runs. */
  exited(): number | null | undefined;
  stop(): Promise<void>;
}

export async function startAppProcess(env: Record<string, string>, readyMs = 60_000): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b) => {
    output += b;
  });
  child.stderr.on('data', (b) => {
    output += b;
  });
  let code: number | null | undefined;
  child.once('exit', (c) => {
    code = c;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (code !== undefined) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(force);
  };
  const deadline = Date.now() + readyMs;
  while (Date.now() < deadline && code === undefined) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).status === 200)
        return { url, output: () => output, exited: () => code, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the app did not become healthy (exit code ${code}):\n${output}`);
}
