// Answers of the findings routes (issue 12 §5).
import { z } from 'zod';
import { pageAnswer } from '../http/page.js';

const level = z.enum(['red', 'yellow', 'green']);
const status = z.enum(['open', 'handled', 'dismissed']);

export const finding = z.object({
  id: z.number(),
  source: z.string(),
  ruleId: z.string(),
  level,
  message: z.string(),
  messageEn: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
  evidence: z.array(z.record(z.string(), z.unknown())),
  firstSeenOn: z.string(),
  lastSeenOn: z.string(),
  active: z.boolean(),
  status,
  statusLabel: z.string(),
  statusNote: z.string().nullable(),
  subject: z.object({
    kind: z.enum(['cadre', 'org']),
    id: z.number(),
    name: z.string().nullable(),
    orgId: z.number(),
    orgName: z.string(),
  }),
});
export const findingPage = pageAnswer(finding);
export const findingCounts = z.object({
  items: z.array(z.object({ ruleId: z.string(), level, status, count: z.number() })),
});
export const findingMoved = z.object({ id: z.number(), status, statusLabel: z.string() });
