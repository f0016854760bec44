// Request schemas of the talk register and duties (M-20 … M-23, M-27). Strict objects: unknown fields are refused.
import { z } from 'zod';
import { pageQuery } from '../../platform/http/index.js';
import { TALK_KINDS, type TalkKind } from './talk-kinds.dicts.js';
import { OCCASION_EVENTS, type OccasionEvent } from '../../platform/rules/index.js';
import { ACTIVITY_KINDS, type ActivityKind } from './talk-kinds.dicts.js';
import { cadre, org } from '../../platform/scope/index.js';

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / Date must be YYYY-MM-DD' });
const kind = z.enum(Object.keys(TALK_KINDS) as [TalkKind, ...TalkKind[]]);

export const newTalk = z
  .object({
    kind,
    talkerCadreId: cadre.inBody(),
    talkeeCadreId: cadre.inBody(),
    heldOn: isoDate,
    place: z.string().trim().min(1).max(100).optional(),
    summary: z.string().trim().min(4, { message: '请写明谈话内容（至少 4 个字）/ at least 4 characters' }).max(5000),
    followUp: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export const talkQuery = z
  .object({
    ...pageQuery,
    cadreId: cadre.inUrl().optional(),
    kind: kind.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export const dutyQuery = z
  .object({
    ...pageQuery,
    status: z.enum(['due', 'done', 'overdue', 'waived']).optional(),
    orgId: org.inUrl().optional(),
    ownerCadreId: cadre.inUrl().optional(),
    ruleId: z.enum(['M-21', 'M-22', 'M-23', 'M-25']).optional(),
  })
  .strict();
export const orgQuery = z.object({ orgId: org.inUrl().optional() }).strict();
export const statsQuery = z
  .object({ orgId: org.inUrl().optional(), from: isoDate.optional(), to: isoDate.optional() })
  .strict();
export const waive = z
  .object({
    reason: z.string().trim().min(4, { message: '请写明免除理由（至少 4 个字）/ at least 4 characters' }).max(500),
  })
  .strict();
export const generate = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((r) => r.from <= r.to && Number(r.to.slice(0, 4)) - Number(r.from.slice(0, 4)) <= 5, {
    message: '区间有误或超过 5 年 / Bad range or over 5 years',
    path: ['to'],
  });

// M-21 occasions, M-23/M-25/M-26 records.
export const occasion = z
  .object({
    event: z.enum(OCCASION_EVENTS as [OccasionEvent, ...OccasionEvent[]]),
    cadreId: cadre.inBody(),
    occurredOn: isoDate,
    note: z.string().trim().min(1).max(500).optional(),
    talkerCadreId: cadre.inBody().optional(),
  })
  .strict();
const activityKind = z.enum(Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]]);
export const newActivity = z
  .object({
    kind: activityKind,
    orgId: org.inBody(),
    actorCadreId: cadre.inBody().optional(),
    targetOrgId: org.inBody().optional(),
    heldOn: isoDate,
    title: z.string().trim().min(2, { message: '请填写标题（至少 2 个字）/ at least 2 characters' }).max(200),
    summary: z.string().trim().min(4, { message: '请写明主要内容（至少 4 个字）/ at least 4 characters' }).max(5000),
    followUp: z.string().trim().min(1).max(2000).optional(),
    reportedTo: z.string().trim().min(2).max(200).optional(),
    subjects: z
      .array(
        z
          .object({
            cadreId: cadre.inBody(),
            verdict: z.enum(['good', 'adequate', 'failing']).optional(),
            comment: z.string().trim().min(1).max(1000).optional(),
          })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();
export const activityQuery = z
  .object({
    ...pageQuery,
    kind: activityKind.optional(),
    orgId: org.inUrl().optional(),
    actorCadreId: cadre.inUrl().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
