import { z } from 'zod';

export const engine = z.enum(['pglite', 'postgres']);
export const health = z.object({ status: z.string(), engine: engine, time: z.string() });
export const healthDown = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageZh: z.string(),
    messageEn: z.string(),
    details: z.unknown().optional(),
  }),
  status: z.string(),
  engine: engine,
});
