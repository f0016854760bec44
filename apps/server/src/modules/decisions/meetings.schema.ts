// What the meeting routes take (M-30, M-31); every id through its kind, so the scope hook checks it.
import { z } from 'zod';
import { cadre, org } from '../../platform/scope/index.js';
import { pageQuery } from '../../platform/http/index.js';
import {
  ITEM_CATEGORIES,
  MEETING_KINDS,
  PREP_STEPS,
  type ItemCategory,
  type MeetingKind,
  type PrepStep,
} from './meeting.dicts.js';

export const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD / A date is YYYY-MM-DD' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const meetingCreate = z
  .object({
    orgId: org.inBody(),
    kind: z.enum(Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]]),
    heldOn: date,
    place: text(100),
    chairCadreId: cadre.inBody(),
    recorder: text(40),
    guests: z
      .array(z.object({ name: text(40), capacity: text(60) }).strict())
      .max(50)
      .optional(),
  })
  .strict();

export const meetingListQuery = z.object({ ...pageQuery, orgId: org.inUrl().optional() }).strict();

export const attendance = z
  .object({
    members: z
      .array(
        z
          .object({
            cadreId: cadre.inBody(),
            attended: z.boolean(),
            absenceReason: z.string().trim().min(2).max(200).optional(),
          })
          .strict()
          .refine((m) => m.attended || !!m.absenceReason, {
            message: '缺席须写明原因 / An absence needs its reason',
            path: ['absenceReason'],
          }),
      )
      .min(1)
      .max(100),
  })
  .strict();

export const itemCreate = z
  .object({
    title: text(200),
    category: z.enum(Object.keys(ITEM_CATEGORIES) as [ItemCategory, ...ItemCategory[]]),
    /** The member who first proposed it; absent, the chair is the deemed proposer (M-31). */
    proposerCadreId: cadre.inBody().optional(),
    materials: z.string().trim().max(2000).optional(),
    prepDone: z
      .array(z.enum(Object.keys(PREP_STEPS) as [PrepStep, ...PrepStep[]]))
      .max(10)
      .optional(),
  })
  .strict();

export const sealBody = z.object({}).strict();

/** A correction of a sealed record (issue 14 §5): why, and what the record should have said. */
export const addendumBody = z
  .object({
    reason: z.string().trim().min(1, { message: '请填写更正原因 / Give the reason' }).max(500),
    correction: z.string().trim().min(1, { message: '请填写更正内容 / Say what is corrected' }).max(5000),
  })
  .strict();
