// SIGTERM stops the server gracefully and in bounded time (issue 13 §3): it answers its last request, closes the jobs
// and the database, exits 0 and leaves the data directory unlocked for the next start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAppProcess } from './app-process.js';

describe('stopping the server', () => {
  it.skipIf(!!process.env.DATABASE_URL)(
    'exits 0 on SIGTERM within seconds and the same data directory starts again',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mj-stop-'));
      const env = { DATA_DIR: dir, MINGJIAN_DEMO: 'false', STARTUP_JOBS_DELAY_MS: '0' };
      try {
        const first = await startAppProcess(env);
        const t0 = Date.now();
        await first.stop();
        expect(Date.now() - t0).toBeLessThan(10_000);
        expect(first.exited()).toBe(0);
        expect(first.output()).toContain('正在停止 Stopping (SIGTERM)');
        expect(first.output()).toContain('已停止 Stopped.');
        const again = await startAppProcess(env);
        expect((await fetch(`${again.url}/api/v1/health`)).status).toBe(200);
        await again.stop();
        expect(again.exited()).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
