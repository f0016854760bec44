// Several servers against one PostgreSQL database: pg-boss keeps the schedule and the queue in its own schema
// (`pgboss`), so each daily job runs once, on whichever server takes it first (FOR UPDATE SKIP LOCKED).
import { hostname } from 'node:os';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { logFailure, type Job, type JobLog, type RunOutcome, type Scheduler } from './types.js';
import { JOB_TIME_ZONE, parseDailyCron } from './daily-cron.js';
import { guardClient } from '../db/index.js';

export interface PgBossSchedulerOptions {
  databaseUrl: string;
  log: JobLog;
  /** How often each server looks for work (and for due cron entries); tests lower it. */
  pollSeconds: number;
  stopWaitMs: number;
}

// Longer than any run we have measured (a whole-province sweep is ~20 s); a server that dies mid-run leaves its job
// "active" until then, after which pg-boss's maintenance marks it failed and the queue moves again.
const EXPIRE_SECONDS = 3600;
// runNow from servers that start together coalesces into one run per window (aligned 5-minute slots).
const RUN_NOW_WINDOW_SECONDS = 300;
const FINAL = new Set(['completed', 'failed', 'cancelled']);
// Any constant; the same on every server (the migrations use 0x6d6a0001).
const SETUP_LOCK = 0x6d6a0002;

async function withSetupLock(databaseUrl: string, fn: () => Promise<void>): Promise<void> {
  const client = guardClient(new pg.Client({ connectionString: databaseUrl, application_name: 'mingjian-jobs-setup' }));
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    // issue 11 §1: the app's role may not create schemas; the owner's migrate made `pgboss` and lets it create tables
    // there, so a first install into that schema runs pg-boss's own script without its CREATE SCHEMA.
    const { ns, v } = (await client.query(`SELECT to_regnamespace('pgboss') AS ns, to_regclass('pgboss.version') AS v`))
      .rows[0];
    if (ns && !v)
      await client.query(
        PgBoss.getConstructionPlans('pgboss').replace(/CREATE SCHEMA IF NOT EXISTS pgboss\b/, 'SELECT 1'),
      );
    await fn(); // the lock is released with the session below, also when fn throws
  } finally {
    await client.end();
  }
}

export async function startPgBoss(jobs: Job[], o: PgBossSchedulerOptions): Promise<Scheduler> {
  for (const j of jobs) parseDailyCron(j.cron);
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const pollMs = o.pollSeconds * 1000;
  const boss = new PgBoss({
    connectionString: o.databaseUrl,
    // Its own small pool, not the app's: pg-boss sends BEGIN…COMMIT scripts as one query, and a failed one would
    // otherwise leave an aborted transaction on a connection the app then reuses.
    max: 3,
    application_name: 'mingjian-jobs',
    schema: 'pgboss',
    cronMonitorIntervalSeconds: Math.min(30, Math.max(1, Math.ceil(o.pollSeconds))),
    cronWorkerIntervalSeconds: Math.min(45, Math.max(1, Math.ceil(o.pollSeconds))),
  });
  // Without a listener an 'error' event (e.g. the database restarting) would throw and end the process.
  // The message is enough: these are connection drops and the like, which pg-boss recovers from by itself.
  boss.on('error', (e) =>
    o.log.error(`定时任务队列出错 Job queue error: ${e instanceof Error ? e.message : String(e)}`),
  );
  // Two servers creating the same new queue at once deadlocked in pg-boss's create_queue (measured), so the setup
  // runs under a lock, as the app's migrations do: the second server waits, then finds everything in place.
  await withSetupLock(o.databaseUrl, async () => {
    await boss.start();
    for (const job of jobs) {
      // stately: at most one run waiting and one running per job, so runs never overlap, even across servers.
      // retryLimit 0: a failed run is logged and the next day's run tries again, as on the embedded database.
      await boss.createQueue(job.name, {
        name: job.name,
        policy: 'stately',
        expireInSeconds: EXPIRE_SECONDS,
        retryLimit: 0,
      });
      await boss.schedule(job.name, job.cron, { trigger: 'cron' }, { tz: JOB_TIME_ZONE });
    }
    // A job dropped from the list must not keep being queued with nobody to work it.
    for (const s of await boss.getSchedules()) if (!byName.has(s.name)) await boss.unschedule(s.name);
  }).catch(async (e) => {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw e;
  });

  let stopping = false;
  const wakers = new Map<string, () => void>();
  const inFlight = new Map<string, { id: string; done: Promise<void> }>();
  const sleep = (name: string) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        wakers.delete(name);
        resolve();
      }, pollMs);
      wakers.set(name, () => {
        clearTimeout(t);
        wakers.delete(name);
        resolve();
      });
    });

  // Our own fetch/complete loop rather than boss.work(): pg-boss 10's worker does not await complete()/fail(), so a
  // database error at that moment would be an unhandled rejection, which ends a Node 20 process.
  const loop = async (job: Job) => {
    while (!stopping) {
      let taken: { id: string } | undefined;
      try {
        [taken] = await boss.fetch(job.name);
      } catch (e) {
        o.log.error(`定时任务取件失败 Could not fetch job: ${job.name}`, e);
      }
      if (!taken) {
        if (!stopping) await sleep(job.name);
        continue;
      }
      const id = taken.id;
      const done = (async () => {
        let error: unknown;
        try {
          await job.run();
        } catch (e) {
          error = e;
          logFailure(o.log, job.name, e);
        }
        try {
          if (error === undefined) await boss.complete(job.name, id);
          else await boss.fail(job.name, id, { message: error instanceof Error ? error.message : String(error) });
        } catch (e) {
          o.log.error(`定时任务状态未能记录 Could not record the job's end: ${job.name}`, e);
        }
      })();
      inFlight.set(job.name, { id, done });
      await done;
      inFlight.delete(job.name);
    }
  };
  const loops = jobs.map((j) => loop(j));

  const waitFor = async (name: string, id: string | null): Promise<RunOutcome> => {
    for (;;) {
      if (stopping) return 'stopped';
      try {
        if (id) {
          const j = await boss.getJobById(name, id, { includeArchive: true });
          if (!j) return 'completed'; // archived and deleted: long finished
          if (FINAL.has(j.state)) return j.state === 'completed' ? 'completed' : 'failed';
        } else if ((await boss.getQueueSize(name, { before: 'completed' })) === 0) {
          return 'joined';
        }
      } catch (e) {
        o.log.error(`定时任务状态查询失败 Could not read job state: ${name}`, e);
      }
      await new Promise((r) => setTimeout(r, Math.min(pollMs, 500)));
    }
  };

  return {
    kind: 'pg-boss',
    async runNow(name) {
      if (!byName.has(name)) throw new Error(`unknown job ${name}`);
      if (stopping) return 'stopped';
      let id: string | null;
      try {
        id = await boss.send(
          name,
          { trigger: 'runNow', host: hostname(), pid: process.pid },
          { singletonSeconds: RUN_NOW_WINDOW_SECONDS },
        );
      } catch (e) {
        o.log.error(`定时任务未能入队 Could not queue job: ${name}`, e);
        return 'failed';
      }
      wakers.get(name)?.(); // take it here at once if this server is idle, rather than at the next poll
      return waitFor(name, id);
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      for (const wake of [...wakers.values()]) wake();
      let timeout: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled(loops).then(() => true),
        new Promise<boolean>((r) => {
          timeout = setTimeout(() => r(false), o.stopWaitMs);
        }),
      ]);
      clearTimeout(timeout);
      // A run still going when we give up is marked failed now, not left "active" to block the queue for an hour.
      if (!finished) {
        for (const [name, f] of inFlight)
          await boss.fail(name, f.id, { message: 'server stopped during the run' }).catch(() => {});
      }
      await boss
        .stop({ graceful: true, timeout: 1000, wait: true })
        .catch((e) => o.log.error('定时任务队列关闭出错 Job queue stop failed', e));
    },
  };
}
