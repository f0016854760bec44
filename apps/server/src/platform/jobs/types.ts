// The scheduler's shapes, shared by the in-process and the pg-boss implementations.

export interface Job {
  /** Queue name on PostgreSQL and key for runNow: letters, digits, '-' and '_'. */
  name: string;
  /** What the job page calls it. */
  label?: { zh: string; en: string };
  /** Daily at a fixed time in Asia/Shanghai, as cron 'M H * * *' (e.g. '0 2 * * *' is 02:00 CST). */
  cron: string;
  /** The job's body. A rejection is logged and recorded; it never reaches the caller or crashes the server. */
  run: () => Promise<unknown>;
}

/**
 * completed / failed: this call's run finished (a failure has been logged);
 * joined: a run of the same job was already waiting or running, and this call waited for it instead of adding one;
 * stopped: the scheduler stopped before the run finished.
 */
export type RunOutcome = 'completed' | 'failed' | 'joined' | 'stopped';

export interface Scheduler {
  /** 'in-process' on the embedded database, 'pg-boss' on a PostgreSQL server. */
  readonly kind: 'in-process' | 'pg-boss';
  /** Runs a job now, once across all servers, and resolves when it has finished; never rejects for a job error. */
  runNow(name: string): Promise<RunOutcome>;
  /** Stops timers and workers; waits a bounded time for a running job so the database is not closed under it. */
  stop(): Promise<void>;
}

export interface JobLog {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export const consoleLog: JobLog = {
  info: (m) => console.log(m),
  error: (m, e) => (e === undefined ? console.error(m) : console.error(m, e)),
};

/** Both implementations log a failure the same way, in the console style of main.ts. */
export function logFailure(log: JobLog, name: string, err: unknown): void {
  log.error(`定时任务失败 Scheduled job failed: ${name}`, err);
}
