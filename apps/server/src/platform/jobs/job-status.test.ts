// 定时任务 (issue 13 §5) on the engine of the run — the in-process timer on PGlite, pg-boss on PostgreSQL: the job
// page lists each job with its next run (the daily time in Beijing; a time equal to now is tomorrow's), its last
// start, duration and result with the error of a failure; "run now" is the administrator's only, refused while the
// job runs, trailed; a run whose server died shows as interrupted after an hour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { loadSmallTree, ORG } from '../../test/fixtures.js';
import { recordRuns, startScheduler, type Job, type JobBoard } from './index.js';

let t: TestApp;
let admin: Client;
let officer: Client;
const board: JobBoard = { jobs: [] };
let release: () => void = () => {};
const quiet = { info: () => {}, error: () => {} };

beforeAll(async () => {
  // 2026-03-02 10:00 Beijing time.
  t = await startTestApp({ now: '2026-03-02T02:00:00Z', app: { jobs: board } });
  await loadSmallTree(t);
  const jobs: Job[] = [
    {
      name: 'slow',
      label: { zh: '慢任务', en: 'Slow job' },
      cron: '0 10 * * *', // exactly now: the next run is tomorrow's
      run: () => new Promise<void>((r) => (release = r)),
    },
    { name: 'bad', cron: '30 10 * * *', run: async () => Promise.reject(new Error('磁盘已满 disk full')) },
    { name: 'idle', cron: '0 2 * * *', run: async () => {} },
  ];
  board.jobs = jobs.map((j) => recordRuns(t.ctx.db, t.clock, j));
  board.scheduler = await startScheduler(t.ctx, board.jobs, { databaseUrl: t.dbUrl, pollSeconds: 1, log: quiet });
  admin = await loginAs(t, { role: 'admin', orgId: ORG.R, scope: 1 });
  officer = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
}, 60_000);
afterAll(async () => {
  release();
  await board.scheduler?.stop();
  await t.close();
});

type Row = { name: string; nextRunAt: string; running: boolean; last: null | Record<string, unknown> };
const jobs = async (): Promise<Record<string, Row>> => {
  const res = await admin.get('/api/v1/jobs');
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json().items.map((j: Row) => [j.name, j]));
};
const until = async (ok: (j: Record<string, Row>) => boolean) => {
  for (let i = 0; i < 200; i++) {
    const j = await jobs();
    if (ok(j)) return j;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};

describe('job status page (issue 13 §5)', () => {
  it('lists every job with its next run in Beijing time, and no run yet', async () => {
    const j = await jobs();
    expect(Object.keys(j)).toEqual(['slow', 'bad', 'idle']);
    expect(j.slow.nextRunAt).toBe('2026-03-03T02:00:00.000Z'); // 10:00 today is now: tomorrow 10:00
    expect(j.bad.nextRunAt).toBe('2026-03-02T02:30:00.000Z'); // today 10:30
    expect(j.idle.nextRunAt).toBe('2026-03-02T18:00:00.000Z'); // tomorrow 02:00
    expect(j.slow.last).toBeNull();
    expect((await admin.get('/api/v1/jobs')).json().scheduler).toBe(t.dbUrl ? 'pg-boss' : 'in-process');
  });

  it('is the administrator’s only; an unknown job is 404', async () => {
    expect((await officer.get('/api/v1/jobs')).statusCode).toBe(403);
    expect((await officer.post('/api/v1/jobs/idle/run')).statusCode).toBe(403);
    expect((await admin.post('/api/v1/jobs/nope/run')).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/jobs' })).statusCode).toBe(401);
  });

  it('run now: running, refused a second time while it runs, then completed with its duration; trailed', async () => {
    expect((await admin.post('/api/v1/jobs/slow/run')).statusCode).toBe(202);
    const running = await until((j) => j.slow.running);
    expect(running.slow.last).toMatchObject({ result: 'running', finishedAt: null });
    const again = await admin.post('/api/v1/jobs/slow/run');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'JOB_RUNNING', messageZh: '该任务正在执行，请稍后再试' });
    release();
    const done = await until((j) => j.slow.last?.result === 'completed');
    expect(done.slow.running).toBe(false);
    expect(done.slow.last!.durationMs).toBeGreaterThanOrEqual(0);
    const trailed = await t.ctx.db
      .selectFrom('trail')
      .select(['actor_name', 'entity_id'])
      .where('action', '=', 'job.run_now')
      .execute();
    expect(trailed).toEqual([{ actor_name: expect.stringMatching(/^admin_/), entity_id: 'slow' }]);
  });

  it('a failed run shows its error', async () => {
    expect((await admin.post('/api/v1/jobs/bad/run')).statusCode).toBe(202);
    const j = await until((x) => x.bad.last?.result === 'failed');
    expect(j.bad.last!.error).toBe('磁盘已满 disk full');
  });

  it('a run left open by a server that died: running for an hour, then interrupted, and may run again', async () => {
    const at = (ms: number) => new Date(t.clock.now().getTime() - ms);
    await sql`INSERT INTO job_runs (job, started_at, host) VALUES ('idle', ${at(3_599_000)}, 'gone')`.execute(t.ctx.db);
    expect((await jobs()).idle.last).toMatchObject({ result: 'running', host: 'gone' });
    t.clock.advance(2000);
    const j = await jobs();
    expect(j.idle.last).toMatchObject({ result: 'interrupted' });
    expect(j.idle.running).toBe(false);
    expect((await admin.post('/api/v1/jobs/idle/run')).statusCode).toBe(202);
    await until((x) => x.idle.last?.result === 'completed');
  });
});
