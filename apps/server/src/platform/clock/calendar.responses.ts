import { z } from 'zod';

export const dueDate = z.object({ due: z.string(), provisional: z.boolean() });
export const calendarYearAnswer = z.object({
  year: z.number(),
  provisional: z.boolean(),
  days: z.array(
    z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string(), provisional: z.boolean() }),
  ),
});
export const calendarSaved = z.object({ year: z.number(), days: z.number(), provisional: z.boolean() });
