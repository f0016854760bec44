// 定时任务 (issue 13 §5): the administrator's view of the scheduled jobs — last start, duration, result (the error
// of a failure), the next run, the last ten runs — and "run now", which queues a run on the engine's scheduler (once
// across servers on PostgreSQL) and answers at once; the page follows the run through GET /jobs.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf, conflict, notFound, requireAuth } from '../http/index.js';
import { write } from '../trail/index.js';
import { jobStatus } from './job-runs.js';
import { jobList, started } from './jobs.responses.js';
import type { Job, Scheduler } from './types.js';

/** The jobs main.ts schedules, and its scheduler once started (undefined when it failed to start). */
export interface JobBoard {
  jobs: Job[];
  scheduler?: Scheduler;
}

export function jobRoutes(ctx: AppContext, board: JobBoard): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['jobs'];
    const config = { access: 'jobs.manage' } as const;
    app.get(
      '/jobs',
      { config, schema: { tags, summary: '定时任务 Scheduled jobs', response: { 200: jobList } } },
      async () => ({
        scheduler: board.scheduler?.kind ?? null,
        items: await jobStatus(ctx.db, ctx.clock, board.jobs),
      }),
    );
    app.post(
      '/jobs/:name/run',
      {
        config,
        schema: {
          tags,
          summary: '立即执行 Run a job now',
          params: z.object({ name: z.string().max(64) }),
          response: { 202: started },
        },
      },
      async (req, reply) => {
        requireAuth(req);
        const job = board.jobs.find((j) => j.name === req.params.name);
        if (!job) throw notFound();
        const scheduler = board.scheduler;
        if (!scheduler)
          throw conflict(
            'SCHEDULER_DOWN',
            '定时任务未能启动，请查看服务器日志',
            'The scheduler did not start: see the server log',
          );
        const [status] = await jobStatus(ctx.db, ctx.clock, [job]);
        if (status.running)
          throw conflict(
            'JOB_RUNNING',
            '该任务正在执行，请稍后再试',
            'This job is running: try again when it has finished',
          );
        await write(ctx.db, ctx.clock, actorOf(req), async (w) => {
          w.record({ action: 'job.run_now', entity: 'job', entityId: job.name });
        });
        void scheduler.runNow(job.name); // its end is recorded in job_runs; a failure is logged, never thrown here
        return reply.code(202).send({ name: job.name, queued: true as const });
      },
    );
  };
}
