import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

export const attachmentInfo = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  size: z.number(),
  sha256: z.string(),
  at: z.string(),
});
export const submitPublicReportAnswer = z.object({
  receipt: z.string(),
  number: z.string(),
  proof: z.object({
    payload: z.object({ kind: z.string(), number: z.string(), receivedAt: z.string(), contentSha256: z.string() }),
    signature: z.string(),
    algorithm: z.string(),
    keyId: z.string(),
  }),
  publicKey: z.string(),
});
export const publicStatus = z.object({
  number: z.string(),
  receivedAt: z.string(),
  status: z.string(),
  statusZh: z.string(),
  replies: z.array(z.object({ body: z.string(), at: z.string() })),
  additions: z.array(z.object({ body: z.string(), at: z.string() })),
  attachmentCount: z.number(),
});
export const additionAnswer = z.object({ ok: z.boolean() });
export const publicAttachment = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number(),
  sha256: z.string(),
  count: z.number(),
  remaining: z.number(),
});
export const proofVerdict = z.object({
  valid: z.boolean(),
  number: z.string(),
  receivedAt: z.string(),
  contentSha256: z.string(),
});
export const signingKey = z.object({ algorithm: z.string(), keyId: z.string(), publicKeyPem: z.string() });
export const reportItem = z.object({
  id: z.number(),
  number: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  receivedAt: z.string(),
  accused: z.object({
    name: z.string(),
    unit: z.string().nullable(),
    post: z.string().nullable(),
    cadreId: z.number().nullable(),
  }),
  competentOrgId: z.number(),
  competentOrgName: z.string(),
  routedUp: z.boolean(),
  anonymous: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
});
export const reportPage = pageAnswer(reportItem);
export const registerReportAnswer = z.object({
  id: z.number(),
  number: z.string(),
  competentOrgId: z.number(),
  routedUp: z.boolean(),
});
export const getReportAnswer = z.object({
  content: z.string(),
  happened: z.string().nullable(),
  hasReporterContact: z.boolean(),
  messages: z.array(
    z.object({ id: z.number(), direction: z.enum(['to_reporter', 'from_reporter']), body: z.string(), at: z.string() }),
  ),
  attachments: z.array(attachmentInfo),
  statusLabel: z.string(),
  matterId: z.number().nullable(),
  problemType: z.string().nullable(),
  problemTypeLabel: z.string().nullable(),
  triageNote: z.string().nullable(),
  links: z.array(
    z.object({
      id: z.number(),
      otherReportId: z.number(),
      otherNumber: z.string(),
      otherReceivedAt: z.string(),
      similarity: z.number(),
      status: z.enum(['proposed', 'confirmed', 'rejected']),
      canDecide: z.boolean(),
    }),
  ),
  clue: z.object({ id: z.number(), number: z.string(), state: z.string(), stateLabel: z.string() }).nullable(),
  deadlines: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      label: z.string(),
      dueOn: z.string(),
      met: z.boolean(),
      extended: z.boolean(),
    }),
  ),
  id: z.number(),
  number: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  receivedAt: z.string(),
  accused: z.object({
    name: z.string(),
    unit: z.string().nullable(),
    post: z.string().nullable(),
    cadreId: z.number().nullable(),
  }),
  competentOrgId: z.number(),
  competentOrgName: z.string(),
  routedUp: z.boolean(),
  anonymous: z.boolean(),
  status: z.string(),
});
export const replyToReporterAnswer = z.object({ id: z.number() });
export const revealReporterAnswer = z.object({
  name: z.string(),
  phone: z.string().optional(),
  address: z.string().optional(),
});
