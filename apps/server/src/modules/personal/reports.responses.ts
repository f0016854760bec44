// What the personal matters report routes answer (M-40); zod only, so the workbench takes the types.
import { z } from 'zod';

const reportSummary = z.object({
  id: z.number(),
  cadreId: z.number(),
  kind: z.enum(['annual', 'event']),
  year: z.number(),
  eventKind: z.string().nullable(),
  eventOn: z.string().nullable(),
  dueOn: z.string(),
  correctsId: z.number().nullable(),
  version: z.number(),
  status: z.enum(['draft', 'submitted']),
  enteredBy: z.enum(['self', 'org']),
  submittedOn: z.string().nullable(),
  /** Submitted after its due day. */
  late: z.boolean(),
});
export const reportList = z.object({ items: z.array(reportSummary) });
export const reportDetail = reportSummary.extend({
  signedDigest: z.string().nullable(),
  items: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      kindLabel: z.tuple([z.string(), z.string()]),
      values: z.record(z.string(), z.unknown()),
    }),
  ),
});
export const reportCreated = z.object({ id: z.number(), dueOn: z.string() });
export const itemsSaved = z.object({ id: z.number(), items: z.number() });
export const reportCorrected = z.object({ id: z.number(), version: z.number() });
export const reportSubmitted = z.object({
  id: z.number(),
  submittedOn: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
  digest: z.string(),
  method: z.enum(['password', 'totp']),
});
const dutyState = z.enum(['filed', 'late', 'missing', 'due', 'waived']);
export const dutyList = z.object({
  today: z.string(),
  year: z.number(),
  total: z.number(),
  counts: z.record(dutyState, z.number()),
  items: z.array(
    z.object({
      id: z.number(),
      cadreId: z.number(),
      cadreName: z.string(),
      orgId: z.number(),
      orgName: z.string(),
      rank: z.string(),
      dueOn: z.string(),
      filedOn: z.string().nullable(),
      reportId: z.number().nullable(),
      waivedReason: z.string().nullable(),
      state: dutyState,
    }),
  ),
});
const labelPair = z.tuple([z.string(), z.string()]);
export const itemForms = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      label: labelPair,
      fields: z.array(
        z.object({
          name: z.string(),
          label: labelPair,
          type: z.enum(['text', 'number', 'date', 'choice']),
          required: z.boolean(),
          max: z.number().nullable(),
          options: z.array(z.object({ value: z.string(), label: labelPair })),
        }),
      ),
    }),
  ),
  eventKinds: z.array(z.object({ value: z.string(), label: labelPair })),
});
