// Scheduled jobs (M-27 reminders, rule sweeps): one API on both engines. On the embedded database a timer in this
// process; on a PostgreSQL server pg-boss, so that several servers against one database run each daily job once.
import type { AppContext } from '../context.js';
import { startInProcess } from './in-process.js';
import { startPgBoss } from './pg-boss.js';
import { consoleLog, type Job, type JobLog, type Scheduler } from './types.js';

export type { Job, JobLog, RunOutcome, Scheduler } from './types.js';
export { JOB_TIME_ZONE } from './daily-cron.js';

export interface SchedulerOptions {
  /** Required on PostgreSQL: pg-boss opens its own small pool to the same database. */
  databaseUrl?: string;
  log?: JobLog;
  /** PostgreSQL: seconds between looks for work and due cron entries (default 5; tests lower it). */
  pollSeconds?: number;
  /** How long stop() waits for a running job (default 10 s). */
  stopWaitMs?: number;
}

/** Starts the daily jobs; nothing runs at once — call runNow for a run at start. */
export async function startScheduler(
  ctx: Pick<AppContext, 'engine'>,
  jobs: Job[],
  opts: SchedulerOptions = {},
): Promise<Scheduler> {
  const names = jobs.map((j) => j.name);
  if (new Set(names).size !== names.length) throw new Error(`duplicate job names: ${names.join(', ')}`);
  const log = opts.log ?? consoleLog;
  const stopWaitMs = opts.stopWaitMs ?? 10_000;
  if (ctx.engine === 'pglite') return startInProcess(jobs, log, stopWaitMs);
  if (!opts.databaseUrl) throw new Error('startScheduler on PostgreSQL needs databaseUrl');
  return startPgBoss(jobs, { databaseUrl: opts.databaseUrl, log, pollSeconds: opts.pollSeconds ?? 5, stopWaitMs });
}
export { recordRuns, jobStatus, INTERRUPTED_AFTER_MS, type JobStatus, type JobRun } from './job-runs.js';
export { jobRoutes, type JobBoard } from './job-routes.js';
