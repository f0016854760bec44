// Answers of the rule settings API. A rule's settings differ per rule (platform/rules/defaults.ts holds each rule's
// schema), so here they are an object of values; the page reads them by key.
import { z } from 'zod';

const settingValues = z.record(z.string(), z.unknown());

export const rulesAnswer = z.object({
  items: z.array(z.object({ ruleId: z.string(), titleZh: z.string(), titleEn: z.string(), defaults: settingValues })),
});

/** The settings in force for a unit, and for each key the unit whose override set it (null: the SPEC default). */
export const effectiveSettings = z.object({
  ruleId: z.string(),
  values: settingValues,
  sources: z.record(z.string(), z.number().nullable()),
});

/** A re-evaluation after a rule change (issue 12 §5): within the request, or after the answer for a large subtree. */
export const reevaluation = z.object({
  id: z.number(),
  orgId: z.number(),
  ruleId: z.string(),
  cadres: z.number(),
  state: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  flags: z.number().nullable(),
  ms: z.number().nullable(),
});
export const reevaluationsAnswer = z.object({ items: z.array(reevaluation) });
