// Scheduled jobs: the in-process timer fires at the daily CST time and survives a failing job; on a PostgreSQL
// server two schedulers against one database (two servers) run a triggered or a cron-due job exactly once, and
// pg-boss's own schema leaves the app's migrations alone.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { readdirSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { migrate, MIGRATIONS_DIR } from '../db/index.js';
import { startScheduler, type Job, type JobLog, type Scheduler } from './index.js';

const onPostgres = !!process.env.DATABASE_URL;

function captureLog() {
  const lines: string[] = [];
  const log: JobLog = {
    info: (m) => lines.push(m),
    error: (m, e) => lines.push(`${m} :: ${e instanceof Error ? e.message : String(e)}`),
  };
  return { lines, log };
}

/** A daily cron `hours` from now in CST, so a test never meets its own schedule by accident. */
function cronIn(hours: number, now = Date.now()): string {
  const d = new Date(now + (8 + hours) * 3600_000);
  return `${d.getUTCMinutes()} ${d.getUTCHours()} * * *`;
}

function counter(body: () => Promise<unknown> = async () => {}) {
  const c = {
    runs: 0,
    run: async () => {
      c.runs++;
      await body();
    },
  };
  return c;
}

const waitUntil = async (ok: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

describe('in-process scheduler (the embedded database)', () => {
  const pglite = { engine: 'pglite' as const };
  let s: Scheduler | undefined;
  afterEach(async () => {
    await s?.stop();
    s = undefined;
    vi.useRealTimers();
  });

  it('runNow runs the job; a failing job is logged in both languages and reported, and the scheduler carries on', async () => {
    const { lines, log } = captureLog();
    const ok = counter();
    const bad: Job = {
      name: 'bad',
      cron: cronIn(12),
      run: async () => {
        throw new Error('boom');
      },
    };
    s = await startScheduler(pglite, [{ name: 'ok', cron: cronIn(12), run: ok.run }, bad], { log });
    expect(s.kind).toBe('in-process');
    expect(await s.runNow('bad')).toBe('failed');
    expect(lines).toEqual(['定时任务失败 Scheduled job failed: bad :: boom']);
    expect(await s.runNow('ok')).toBe('completed');
    expect(ok.runs).toBe(1);
    await expect(s.runNow('nope')).rejects.toThrow(/unknown job/);
  });

  it('a second trigger while the job runs waits for that run instead of starting another', async () => {
    let release!: () => void;
    const slow = counter(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    s = await startScheduler(pglite, [{ name: 'slow', cron: cronIn(12), run: slow.run }]);
    const first = s.runNow('slow');
    const second = s.runNow('slow');
    release();
    expect(await Promise.all([first, second])).toEqual(['completed', 'joined']);
    expect(slow.runs).toBe(1);
  });

  it('fires daily at the cron time in Asia/Shanghai, and not after stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-03-02T17:59:59Z')); // 01:59:59 CST
    const job = counter();
    s = await startScheduler(pglite, [{ name: 'daily', cron: '0 2 * * *', run: job.run }]);
    await vi.advanceTimersByTimeAsync(900);
    expect(job.runs).toBe(0);
    await vi.advanceTimersByTimeAsync(100); // 02:00:00 CST
    expect(job.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(24 * 3600_000 - 1);
    expect(job.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(job.runs).toBe(2);
    await s.stop();
    await vi.advanceTimersByTimeAsync(48 * 3600_000);
    expect(job.runs).toBe(2);
  });

  it('refuses a cron that is not daily, so both engines mean the same time', async () => {
    for (const cron of ['*/5 * * * *', '0 24 * * *', '0 2 * * 1', '60 1 * * *']) {
      await expect(startScheduler(pglite, [{ name: 'x', cron, run: async () => {} }])).rejects.toThrow(/M H \* \* \*/);
    }
    await expect(
      startScheduler(pglite, [
        { name: 'x', cron: '0 2 * * *', run: async () => {} },
        { name: 'x', cron: '0 3 * * *', run: async () => {} },
      ]),
    ).rejects.toThrow(/duplicate/);
  });
});

describe('the scheduler the app gets on this leg', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it(`is ${onPostgres ? 'pg-boss on PostgreSQL' : 'the in-process timer on PGlite'} and runs a job on the app's database`, async () => {
    const seen: string[] = [];
    const s = await startScheduler(
      t.ctx,
      [
        {
          name: 'probe',
          cron: cronIn(12),
          run: async () => {
            seen.push((await sql<{ v: string }>`select 'ran' as v`.execute(t.ctx.db)).rows[0].v);
          },
        },
      ],
      { databaseUrl: t.dbUrl, pollSeconds: 0.5 },
    );
    try {
      expect(s.kind).toBe(onPostgres ? 'pg-boss' : 'in-process');
      expect(await s.runNow('probe')).toBe('completed');
      expect(seen).toEqual(['ran']);
    } finally {
      await s.stop();
    }
  });
});

describe.skipIf(!onPostgres)(
  'pg-boss on a PostgreSQL server (skipped on PGlite: one process per data directory, nothing to share)',
  () => {
    let t: TestApp;
    const started: Scheduler[] = [];
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterEach(async () => {
      await Promise.all(started.splice(0).map((s) => s.stop()));
    });
    afterAll(() => t.close());

    /** A "server": its own scheduler against the test database. */
    const server = async (jobs: Job[], log?: JobLog) => {
      const s = await startScheduler(t.ctx, jobs, { databaseUrl: t.dbUrl, pollSeconds: 0.5, log });
      started.push(s);
      return s;
    };

    it('two servers triggered together run the job once; the other waits for that run', async () => {
      const job = counter(() => new Promise((r) => setTimeout(r, 300)));
      const jobs = [{ name: 'duties-now', cron: cronIn(12), run: job.run }];
      const t0 = Date.now();
      const [a, b] = await Promise.all([server(jobs), server(jobs)]);
      const startMs = Date.now() - t0;
      const outcomes = await Promise.all([a.runNow('duties-now'), b.runNow('duties-now')]);
      expect(outcomes.sort()).toEqual(['completed', 'joined']);
      expect(job.runs).toBe(1);
      expect(startMs).toBeLessThan(5_000);
    });

    it('a cron-due job runs once across two servers', async () => {
      // The job is due in the current CST minute; pg-boss fires a cron entry within 60 s after its time, so start
      // far enough from the minute's end.
      const sec = new Date().getUTCSeconds();
      if (sec >= 50) await new Promise((r) => setTimeout(r, (61 - sec) * 1000));
      const job = counter();
      const jobs = [{ name: 'sweep-cron', cron: cronIn(0), run: job.run }];
      await Promise.all([server(jobs), server(jobs)]);
      await waitUntil(() => job.runs > 0, 8_000);
      await new Promise((r) => setTimeout(r, 2_000)); // time for a second run, if the wiring allowed one
      expect(job.runs).toBe(1);
      const rows = await sql<{
        n: string;
      }>`select count(*) as n from pgboss.job where name = 'sweep-cron' and state = 'completed'`.execute(t.ctx.db);
      expect(rows.rows[0].n).toBe('1');
    }, 25_000);

    it('a failing job is logged and marked failed, and its server keeps working', async () => {
      const { lines, log } = captureLog();
      const ok = counter();
      const s = await server(
        [
          {
            name: 'fails',
            cron: cronIn(12),
            run: async () => {
              throw new Error('database said no');
            },
          },
          { name: 'works', cron: cronIn(12), run: ok.run },
        ],
        log,
      );
      expect(await s.runNow('fails')).toBe('failed');
      expect(lines).toContain('定时任务失败 Scheduled job failed: fails :: database said no');
      expect(await s.runNow('works')).toBe('completed');
      expect(ok.runs).toBe(1);
      const state = await sql<{
        state: string;
        output: { message: string };
      }>`select state, output from pgboss.job where name = 'fails'`.execute(t.ctx.db);
      expect(state.rows).toEqual([{ state: 'failed', output: { message: 'database said no' } }]);
    });

    it('keeps to its own schema: the app migrations still see only their files, and a restart reuses the schema', async () => {
      await (await server([{ name: 'idle', cron: cronIn(12), run: async () => {} }])).stop();
      const files = readdirSync(MIGRATIONS_DIR)
        .filter((f) => f.endsWith('.sql'))
        .sort();
      const applied = await t.ctx.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
      expect(applied.map((r) => r.name)).toEqual(files);
      expect(await migrate(t.ctx.db)).toEqual([]);
      const tables = await sql<{
        schemaname: string;
      }>`select distinct schemaname from pg_tables where tablename = 'job'`.execute(t.ctx.db);
      expect(tables.rows).toEqual([{ schemaname: 'pgboss' }]);
      const again = await server([{ name: 'idle', cron: cronIn(12), run: async () => {} }]);
      expect(await again.runNow('idle')).toBe('completed');
    });
  },
);
