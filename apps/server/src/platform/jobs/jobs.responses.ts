// What the job routes answer (issue 13 §5); zod only, so the workbench takes the types (api-types.ts).
import { z } from 'zod';

const run = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  result: z.enum(['completed', 'failed', 'running', 'interrupted']),
  error: z.string().nullable(),
  host: z.string(),
});
export const jobList = z.object({
  scheduler: z.enum(['in-process', 'pg-boss']).nullable(),
  items: z.array(
    z.object({
      name: z.string(),
      label: z.object({ zh: z.string(), en: z.string() }),
      cron: z.string(),
      nextRunAt: z.string(),
      running: z.boolean(),
      last: run.nullable(),
      recent: z.array(run),
    }),
  ),
});
export const started = z.object({ name: z.string(), queued: z.literal(true) });
