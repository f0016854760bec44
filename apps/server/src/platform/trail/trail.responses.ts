import { z } from 'zod';
import { pageAnswer } from '../http/page.js';

export const breakKind = z.enum(['forged', 'edited', 'missing', 'truncated', 'checkpoint']);
export const trailRow = z.object({
  seq: z.string(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  clientIp: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export const trailPage = pageAnswer(trailRow);
export const trailVerify = z.union([
  z.object({
    ok: z.literal(true),
    rows: z.number(),
    headSeq: z.string(),
    headHash: z.string(),
    checkpointSeq: z.string().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    rows: z.number(),
    firstBrokenSeq: z.string(),
    kind: breakKind,
    reason: z.string(),
    checkpointSeq: z.string().nullable(),
  }),
]);
