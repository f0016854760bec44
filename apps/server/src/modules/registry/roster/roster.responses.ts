import { z } from 'zod';

export const issue = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  reason: z.string(),
  reasonEn: z.string(),
});
export const importResult = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  issues: z.array(issue),
  issueCount: z.number(),
  counts: z.object({ orgs: z.number(), cadres: z.number(), posts: z.number(), relations: z.number() }),
});
