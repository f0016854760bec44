// What the opinion, vote, candidate and recusal routes take (M-32); every id through its kind.
import { z } from 'zod';
import { confirmationBody } from '../../platform/auth/index.js';
import { cadre } from '../../platform/scope/index.js';
import { itemCandidate } from './meetings.scope.js';

const reason = z.string().trim().min(2).max(1000);

export const opinionGive = z
  .object({
    cadreId: cadre.inBody(),
    opinion: z.enum(['agree', 'disagree', 'reserve']),
    reason: reason.optional(),
  })
  .strict()
  .refine((o) => o.opinion === 'agree' || !!o.reason, {
    message: '不同意或保留意见须写明理由 / A disagreement or reservation needs its reasons',
    path: ['reason'],
  });

// One member, one candidate: a list of candidates is refused in words (逐人表决), not as an unknown field.
export const voteCast = z
  .object({
    cadreId: cadre.inBody(),
    candidateId: itemCandidate.inBody().optional(),
    candidateIds: z.array(z.unknown()).max(100).optional(),
    vote: z.enum(['agree', 'disagree', 'defer']),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.candidateIds !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['candidateIds'],
        message: '干部任免须逐人表决，一次只能对一名人选表决 / Appointments are voted one candidate at a time',
      });
    else if (v.candidateId === undefined)
      ctx.addIssue({ code: 'custom', path: ['candidateId'], message: '请选择人选 / Choose the candidate' });
  })
  .transform((v) => ({ cadreId: v.cadreId, candidateId: v.candidateId!, vote: v.vote }));

export const candidateCreate = z
  .object({
    /** A cadre of the registry, or (not registered) a name. */
    cadreId: cadre.inBody().optional(),
    name: z.string().trim().min(1).max(40).optional(),
    post: z.string().trim().min(1).max(100),
  })
  .strict()
  .refine((c) => (c.cadreId == null) !== (c.name == null), {
    message: '人选从干部库选择，或填写姓名（二者选一） / Choose a registered cadre or give a name, not both',
    path: ['name'],
  });

export const conflictDeclare = z.object({ cadreId: cadre.inBody(), note: reason }).strict();

export const itemClose = z.object({ urgentReason: reason.optional() }).strict();

/** A signature (M-33): the password, or a fresh one-time code, given again; exactly one of the two. */
/** An item's signature in person (M-33): the password or a one-time code again. */
export const itemSign = confirmationBody;
