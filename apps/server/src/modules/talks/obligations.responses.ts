import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

/** Duty templates (obligations.service.ts), M-21 occasions, record kinds and verdicts, with their labels. */
export const obligationsTemplatesAnswer = z.object({
  templates: z.array(
    z.object({
      ruleId: z.string(),
      zh: z.string(),
      en: z.string(),
      owner: z.enum(['members', 'committee', 'principal']),
      activity: z.string(),
      period: z.string(),
      per: z.string(),
      countKey: z.string(),
      code: z.string(),
    }),
  ),
  occasions: z.array(
    z.object({
      event: z.string(),
      zh: z.string(),
      en: z.string(),
      defaultKind: z.string(),
      defaultKindLabel: z.string(),
      defaultDueDays: z.number(),
    }),
  ),
  activityKinds: z.record(
    z.string(),
    z.object({ rule: z.string(), zh: z.string(), en: z.string(), subjects: z.enum(['none', 'verdict', 'required']) }),
  ),
  verdicts: z.object({ good: z.string(), adequate: z.string(), failing: z.string() }),
});
export const recordOccasionAnswer = z.object({
  dutyId: z.number(),
  dueOn: z.string(),
  talkKind: z.string().nullable(),
  talkKindLabel: z.string(),
  ownerCadreId: z.number(),
  ownerName: z.string(),
  subjectName: z.string(),
  done: z.boolean(),
});
export const recordActivityAnswer = z.object({
  id: z.number(),
  fulfilled: z.array(z.object({ dutyId: z.number(), done: z.boolean() })),
  summonsDuties: z.array(z.number()),
});
export const addRecordAttachmentAnswer = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export const activity = z.object({
  id: z.number(),
  kind: z.string(),
  attachments: z.array(
    z.object({ id: z.number(), name: z.string(), type: z.string(), typeLabel: z.string(), size: z.number() }),
  ),
  kindLabel: z.string(),
  heldOn: z.string(),
  title: z.string(),
  summary: z.string(),
  followUp: z.string().nullable(),
  reportedTo: z.string().nullable(),
  org: z.object({ id: z.number(), name: z.string() }),
  actor: z.object({ cadreId: z.number(), name: z.string().nullable() }).nullable(),
  target: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  subjects: z.array(
    z.object({
      cadreId: z.number(),
      name: z.string(),
      verdict: z.string().nullable(),
      verdictLabel: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export const activityPage = pageAnswer(activity);
