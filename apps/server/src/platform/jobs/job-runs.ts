// 定时任务 (issue 13 §5): every run of a scheduled job leaves a row in job_runs — start, duration, result, the error
// of a failure — written around the job's body, so both engines (and every server on PostgreSQL) record alike and
// the job page reads one table. The next run is computed from the job's daily time, as both schedulers fire it.
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock/index.js';
import type { DB } from '../db/index.js';
import { msUntilNext, parseDailyCron } from './daily-cron.js';
import type { Job } from './types.js';

/** As pg-boss's expiry (pg-boss.ts): a run not finished after an hour is one whose server stopped under it. */
export const INTERRUPTED_AFTER_MS = 3_600_000;
const ERROR_MAX = 1000;

export type RunResult = 'completed' | 'failed' | 'running' | 'interrupted';

export interface JobRun {
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  result: RunResult;
  error: string | null;
  host: string;
}

export interface JobStatus {
  name: string;
  label: { zh: string; en: string };
  cron: string;
  nextRunAt: string;
  running: boolean;
  last: JobRun | null;
  recent: JobRun[];
}

/** The job with its body wrapped: a row at the start, completed at the end with the duration and any error. */
export function recordRuns(db: Kysely<DB>, clock: Clock, job: Job): Job {
  return {
    ...job,
    run: async () => {
      const t0 = performance.now();
      const { id } = await db
        .insertInto('job_runs')
        .values({ job: job.name, started_at: clock.now(), host: hostname() })
        .returning('id')
        .executeTakeFirstOrThrow();
      let error: unknown;
      try {
        return await job.run();
      } catch (e) {
        error = e ?? 'failed';
        throw e;
      } finally {
        const text = error === undefined ? null : (error instanceof Error ? error.message : String(error)) || 'failed';
        await db
          .updateTable('job_runs')
          .set({
            finished_at: clock.now(),
            duration_ms: Math.round(performance.now() - t0),
            outcome: error === undefined ? 'completed' : 'failed',
            error: text?.slice(0, ERROR_MAX) ?? null,
          })
          .where('id', '=', id)
          .execute()
          .catch(() => {}); // the run's own result stands; a row left open reads as interrupted in an hour
      }
    },
  };
}

const RECENT = 10;

export async function jobStatus(db: Kysely<DB>, clock: Clock, jobs: Job[]): Promise<JobStatus[]> {
  const now = clock.now().getTime();
  const runs = jobs.length
    ? await db
        .selectFrom('job_runs')
        .selectAll()
        .where(
          'job',
          'in',
          jobs.map((j) => j.name),
        )
        // the newest RECENT of each job, in one query
        .where(({ eb, selectFrom }) =>
          eb(
            'id',
            'in',
            selectFrom('job_runs as r')
              .select('r.id')
              .whereRef('r.job', '=', 'job_runs.job')
              .orderBy('r.started_at', 'desc')
              .orderBy('r.id', 'desc')
              .limit(RECENT),
          ),
        )
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    : [];
  const view = (r: (typeof runs)[number]): JobRun => ({
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    durationMs: r.duration_ms,
    result: r.outcome ?? (now - r.started_at.getTime() > INTERRUPTED_AFTER_MS ? 'interrupted' : 'running'),
    error: r.error,
    host: r.host,
  });
  return jobs.map((j) => {
    const recent = runs.filter((r) => r.job === j.name).map(view);
    return {
      name: j.name,
      label: j.label ?? { zh: j.name, en: j.name },
      cron: j.cron,
      nextRunAt: new Date(now + msUntilNext(parseDailyCron(j.cron), now)).toISOString(),
      running: recent.some((r) => r.result === 'running'),
      last: recent[0] ?? null,
      recent,
    };
  });
}
