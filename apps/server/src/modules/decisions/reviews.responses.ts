// What the result-review routes answer (M-36); zod only, so the workbench takes the types.
import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

const person = z.object({ cadreId: z.number(), name: z.string() });

export const reviewRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  meetingId: z.number(),
  heldOn: z.string(),
  itemId: z.number(),
  itemTitle: z.string(),
  category: z.string(),
  categoryLabel: z.tuple([z.string(), z.string()]),
  /** The decision's proposer (deemed: the chair, none having been recorded) and the members who agreed to it. */
  proposer: person.extend({ deemed: z.boolean() }),
  agreed: z.array(person),
  completedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['due', 'overdue', 'paused', 'done', 'waived']),
  review: z
    .object({
      reviewedOn: z.string(),
      reviewerKind: z.enum(['department', 'third_party']),
      reviewer: z.string(),
      outcome: z.enum(['positive', 'negative']),
      lossesYuan: z.number(),
      excessProfitYuan: z.number(),
      savingsYuan: z.number(),
      quality: z.enum(['good', 'acceptable', 'poor']),
      summary: z.string(),
    })
    .nullable(),
});
export const reviewPage = pageAnswer(reviewRow);
export const reviewOpened = z.object({ id: z.number(), dueOn: z.string() });
export const reviewEntered = z.object({ id: z.number(), outcome: z.enum(['positive', 'negative']) });
