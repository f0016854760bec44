// The embedded database (PGlite) serves one process — its data directory is locked to it — so a timer in that
// process is all the scheduling it needs: no queue tables, no polling of a single-connection database.
import { logFailure, type Job, type JobLog, type RunOutcome, type Scheduler } from './types.js';
import { msUntilNext, parseDailyCron } from './daily-cron.js';

export function startInProcess(jobs: Job[], log: JobLog, stopWaitMs: number): Scheduler {
  const byName = new Map(jobs.map((j) => [j.name, { job: j, time: parseDailyCron(j.cron) }]));
  const running = new Map<string, Promise<RunOutcome>>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const execute = (name: string): Promise<RunOutcome> => {
    const entry = byName.get(name);
    if (!entry) return Promise.reject(new Error(`unknown job ${name}`));
    // A timer firing while runNow still runs the same job (or the reverse) waits for it rather than running it twice
    // at once; the jobs are idempotent but not meant to race themselves.
    const current = running.get(name);
    if (current) return current.then(() => 'joined' as const);
    const p = (async (): Promise<RunOutcome> => {
      try {
        await entry.job.run();
        return 'completed';
      } catch (e) {
        logFailure(log, name, e);
        return 'failed';
      } finally {
        running.delete(name);
      }
    })();
    running.set(name, p);
    return p;
  };

  // Re-armed after each firing from the wall clock, so a long job or a suspended machine does not drift the time.
  const arm = (name: string) => {
    if (stopped) return;
    const { time } = byName.get(name)!;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        void execute(name).finally(() => arm(name));
      },
      msUntilNext(time, Date.now()),
    );
    timer.unref(); // the schedule alone must not keep the process alive (as the setInterval it replaces)
    timers.add(timer);
  };
  for (const name of byName.keys()) arm(name);

  return {
    kind: 'in-process',
    runNow: (name) => (stopped ? Promise.resolve('stopped') : execute(name)),
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      // Let a running job finish (bounded) before the caller closes the database under it.
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running.values()]),
        new Promise((r) => {
          timeout = setTimeout(r, stopWaitMs);
        }),
      ]);
      clearTimeout(timeout);
    },
  };
}
