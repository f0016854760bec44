// Request shapes of the spot-check draw (issue 15 §2, M-41).
import { z } from 'zod';
import { cadre, org } from '../../platform/scope/index.js';

export const newDraw = z.object({ orgId: org.inBody(), year: z.number().int().min(2000).max(2100) }).strict();

export const drawRun = z
  .object({
    /** 凡提必核: checked in full, apart from the random share. */
    cohorts: z
      .array(
        z
          .object({
            cadreId: cadre.inBody(),
            cohort: z.enum(['promotion_candidate', 'reserve', 'key_post_transfer']),
          })
          .strict(),
      )
      .max(10_000)
      .refine((l) => new Set(l.map((c) => c.cadreId)).size === l.length, {
        message: '同一干部只能列入一个必查类别 / A cadre can be in one cohort only',
      }),
  })
  .strict();
