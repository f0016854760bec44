// What the emergency-decision routes answer (M-34); zod only, so the workbench takes the types.
import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

const label = z.tuple([z.string(), z.string()]);

export const emergencyRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  kindLabel: label,
  title: z.string(),
  category: z.string(),
  categoryLabel: label,
  decidedOn: z.string(),
  recordedOn: z.string(),
  /** Written down later than the M-34 days after the decision. */
  late: z.boolean(),
  reason: z.string(),
  content: z.string(),
  proposerName: z.string(),
  reported: z.object({ meetingId: z.number(), heldOn: z.string() }).nullable(),
  proposerCadreId: z.number(),
  /** The proposer's own signature (M-34), or null while unsigned. */
  signed: z.object({ method: z.enum(['password', 'totp']), signedAt: z.string() }).nullable(),
});
export const emergencyPage = pageAnswer(emergencyRow);
export const emergencyCreated = z.object({ id: z.number(), recordedOn: z.string(), late: z.boolean() });
export const emergencyReported = z.object({ id: z.number() });
export const emergencySigned = z.object({
  id: z.number(),
  method: z.enum(['password', 'totp']),
  digest: z.string(),
  signedAt: z.string(),
});
/** On a meeting's record: its body's emergency decisions to report there, and those reported there. */
export const meetingEmergencies = z.array(
  z.object({ id: z.number(), title: z.string(), decidedOn: z.string(), reported: z.boolean() }),
);
