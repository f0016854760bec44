// What the result-review routes take (issue 14 §6, M-36); every id through its kind.
import { z } from 'zod';
import { date } from './meetings.schema.js';
import { org } from '../../platform/scope/index.js';
import { pageQuery } from '../../platform/http/index.js';

const yuan = z.number().int().min(0).max(1e13);

export const itemCompletion = z.object({ completedOn: date }).strict();

export const reviewListQuery = z
  .object({
    ...pageQuery,
    orgId: org.inUrl().optional(),
    status: z.enum(['due', 'overdue', 'done']).optional(),
  })
  .strict();

export const reviewEntry = z
  .object({
    reviewedOn: date,
    reviewerKind: z.enum(['department', 'third_party']),
    reviewer: z.string().trim().min(2).max(100),
    outcome: z.enum(['positive', 'negative']),
    lossesYuan: yuan,
    excessProfitYuan: yuan,
    savingsYuan: yuan,
    quality: z.enum(['good', 'acceptable', 'poor']),
    summary: z.string().trim().min(2).max(4000),
  })
  .strict();
