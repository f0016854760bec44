// What the meeting routes answer (M-30, M-31); zod only, so the workbench takes the types (api-types.ts).
import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';
import { meetingEmergencies } from './emergency.responses.js';

const label = z.tuple([z.string(), z.string()]);
const person = z.object({ cadreId: z.number(), name: z.string() });

export const meetingRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  kindLabel: label,
  heldOn: z.string(),
  place: z.string(),
  chairName: z.string(),
  expected: z.number(),
  present: z.number(),
  items: z.number(),
});
export const meetingPage = pageAnswer(meetingRow);

export const quorumAnswer = z.object({
  expected: z.number(),
  present: z.number(),
  required: z.number(),
  met: z.boolean(),
  rule: z.enum(['more_than', 'at_least']),
});

const tallyAnswer = z.object({
  agree: z.number(),
  disagree: z.number(),
  defer: z.number(),
  base: z.number(),
  needed: z.number(),
});

export const meetingDetail = meetingRow.omit({ chairName: true, expected: true, present: true, items: true }).extend({
  chair: person,
  recorder: z.string(),
  /** null until attendance is recorded for every member. */
  attendanceRecorded: z.boolean(),
  members: z.array(
    person.extend({ teamRole: z.string(), attended: z.boolean().nullable(), absenceReason: z.string().nullable() }),
  ),
  guests: z.array(z.object({ name: z.string(), capacity: z.string() })),
  items: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      title: z.string(),
      category: z.string(),
      categoryLabel: label,
      proposer: person.extend({ deemed: z.boolean() }),
      materials: z.string().nullable(),
      prepDone: z.array(z.string()),
      /** The steps its category needs (M-31 settings) that are not done. */
      prepMissing: z.array(z.object({ code: z.string(), label })),
      quorum: quorumAnswer,
      status: z.enum(['open', 'decided', 'deferred']),
      urgentReason: z.string().nullable(),
      /** At close: 不同意 + 保留, and the members counted. */
      dissent: z.number().nullable(),
      voters: z.number().nullable(),
      overDivergence: z.boolean(),
      speakers: z.number(),
      /** The principal, when present and not recused; locked while another such member has not spoken. */
      principal: z.object({ cadreId: z.number(), locked: z.boolean() }).nullable(),
      opinions: z.array(
        person.extend({
          seq: z.number(),
          opinion: z.enum(['agree', 'disagree', 'reserve']),
          opinionLabel: label,
          reason: z.string().nullable(),
          deemed: z.boolean(),
        }),
      ),
      notYetSpoken: z.array(z.number()),
      recusals: z.array(
        person.extend({
          reason: z.enum(['candidate', 'relation', 'declared']),
          reasonLabel: label,
          note: z.string().nullable(),
        }),
      ),
      candidates: z.array(
        z.object({
          id: z.number(),
          seq: z.number(),
          cadreId: z.number().nullable(),
          name: z.string(),
          post: z.string(),
          result: z.enum(['passed', 'rejected', 'deferred']).nullable(),
          resultLabel: label.nullable(),
          tally: tallyAnswer,
          voted: z.array(z.object({ cadreId: z.number(), vote: z.enum(['agree', 'disagree', 'defer']) })),
        }),
      ),
      audio: z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          type: z.string(),
          typeLabel: z.string(),
          size: z.number(),
          sha256: z.string(),
          at: z.string(),
        }),
      ),
      signatures: z.array(
        person.extend({
          capacity: z.enum(['proposer', 'chair']),
          method: z.enum(['password', 'totp']),
          digest: z.string(),
          signedAt: z.string(),
        }),
      ),
    }),
  ),
  /** Who speaks last (末位表态): the secretary, else the head, else the chair. */
  principal: z.number(),
  emergencies: meetingEmergencies,
  /** null until sealed (M-35). */
  seal: z.object({ seq: z.number(), digest: z.string(), sealedAt: z.string() }).nullable(),
  /** Sealed corrections of the sealed record, in order (issue 14 §5). */
  addenda: z.array(
    z.object({ n: z.number(), reason: z.string(), correction: z.string(), digest: z.string(), createdAt: z.string() }),
  ),
});
export const created = z.object({ id: z.number() });
export const itemCreated = z.object({ id: z.number(), seq: z.number(), proposerDeemed: z.boolean() });
export const opinionGiven = z.object({ seq: z.number() });
export const voteCast = z.object({ candidateId: z.number() });
export const candidateAdded = z.object({ id: z.number(), recused: z.array(z.number()) });
export const conflictDeclared = z.object({ cadreId: z.number() });
export const itemClosed = z.object({
  status: z.enum(['decided', 'deferred']),
  divergence: z.object({ dissent: z.number(), voters: z.number(), threshold: z.number(), reached: z.boolean() }),
  deemed: z.array(z.number()),
  candidates: z.array(tallyAnswer.extend({ id: z.number(), result: z.enum(['passed', 'rejected', 'deferred']) })),
});
export const itemSigned = z.object({
  itemId: z.number(),
  capacities: z.array(z.enum(['proposer', 'chair'])),
  method: z.enum(['password', 'totp']),
  digest: z.string(),
  signedAt: z.string(),
});
export const addendumAdded = z.object({ n: z.number(), digest: z.string(), prevDigest: z.string() });
export const sealed = z.object({ seq: z.number(), digest: z.string(), prevDigest: z.string().nullable() });
export const sealCheck = z.object({
  sealed: z.boolean(),
  meetingId: z.number().optional(),
  orgId: z.number().optional(),
  seq: z.number().optional(),
  prevDigest: z.string().nullable().optional(),
  algorithm: z.string().optional(),
  digest: z.string().optional(),
  sealedAt: z.string().optional(),
  keyId: z.string().optional(),
  intact: z.boolean().optional(),
  checks: z
    .object({ digest: z.boolean(), signature: z.boolean(), chain: z.boolean(), changed: z.array(z.string()) })
    .optional(),
});
