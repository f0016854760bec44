// What the meeting routes answer (M-30, M-31); zod only, so the workbench takes the types (api-types.ts).
import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

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
    }),
  ),
});
export const created = z.object({ id: z.number() });
export const itemCreated = z.object({ id: z.number(), seq: z.number(), proposerDeemed: z.boolean() });
