// What the emergency-decision routes take (M-34); every id through its kind.
import { z } from 'zod';
import { date } from './meetings.schema.js';
import { cadre, org } from '../../platform/scope/index.js';
import { pageQuery } from '../../platform/http/index.js';
import { ITEM_CATEGORIES, MEETING_KINDS, type ItemCategory, type MeetingKind } from './meeting.dicts.js';
import { meeting } from './meetings.scope.js';

export const emergencyCreate = z
  .object({
    orgId: org.inBody(),
    kind: z.enum(Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]]),
    title: z.string().trim().min(1).max(200),
    category: z.enum(Object.keys(ITEM_CATEGORIES) as [ItemCategory, ...ItemCategory[]]),
    decidedOn: date,
    reason: z.string().trim().min(2).max(1000),
    content: z.string().trim().min(2).max(4000),
    proposerCadreId: cadre.inBody(),
  })
  .strict();

export const emergencyListQuery = z.object({ ...pageQuery, orgId: org.inUrl().optional() }).strict();

export const emergencyReport = z.object({ meetingId: meeting.inBody() }).strict();
