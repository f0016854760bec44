// Answers of the deadline engine's routes: every open deadline in scope, and the reader's reminders (M-27).
import { z } from 'zod';
import { pageAnswer } from '../http/page.js';

export const openDeadline = z.object({
  source: z.string(),
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  startOn: z.string(),
  dueOn: z.string(),
  paused: z.boolean(),
  overdueDays: z.number(),
  unit: z.enum(['calendar', 'working']),
  org: z.object({ id: z.number(), name: z.string() }),
  cadre: z.object({ id: z.number(), name: z.string() }).nullable(),
  owner: z.object({ id: z.number(), name: z.string() }).nullable(),
});
export const openDeadlinesAnswer = pageAnswer(openDeadline, {
  today: z.string(),
  counts: z.array(
    z.object({
      source: z.string(),
      sourceLabel: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      open: z.number(),
      overdue: z.number(),
    }),
  ),
});
export const myNotificationsAnswer = z.object({
  unread: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      link: z.string().nullable(),
      at: z.string(),
      read: z.boolean(),
    }),
  ),
});
export const markReadAnswer = z.object({ id: z.number(), read: z.boolean() });
