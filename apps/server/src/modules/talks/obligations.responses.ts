import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

export const obligationsTemplatesAnswer = z.object({
  templates: z.array(
    z.union([
      z.object({
        ruleId: z.literal('M-23'),
        zh: z.literal('全面从严治党调研'),
        en: z.literal('Research visit on strict party governance'),
        owner: z.literal('members'),
        activity: z.literal('research_visit'),
        period: z.literal('year'),
        per: z.literal('none'),
        countKey: z.literal('researchVisitsPerYear'),
        code: z.string(),
      }),
      z.object({
        ruleId: z.literal('M-23'),
        zh: z.literal('在分管领域讲党课'),
        en: z.literal('Party lecture in the portfolio'),
        owner: z.literal('members'),
        activity: z.literal('party_lecture'),
        period: z.literal('year'),
        per: z.literal('none'),
        countKey: z.literal('lecturesPerYear'),
        code: z.string(),
      }),
      z.object({
        ruleId: z.literal('M-23'),
        zh: z.literal('全面从严治党主体责任专项监督检查'),
        en: z.literal('Special supervision check'),
        owner: z.literal('committee'),
        activity: z.literal('special_check'),
        period: z.literal('year'),
        per: z.literal('none'),
        countKey: z.literal('specialChecksPerYear'),
        code: z.string(),
      }),
      z.object({
        ruleId: z.literal('M-25'),
        zh: z.literal('听取班子成员履行“一岗双责”情况汇报'),
        en: z.literal('Hearing a team member on their dual duty'),
        owner: z.literal('principal'),
        activity: z.literal('member_hearing'),
        period: z.literal('year'),
        per: z.literal('team_member'),
        countKey: z.literal('memberHearingsPerYear'),
        code: z.string(),
      }),
      z.object({
        ruleId: z.literal('M-25'),
        zh: z.literal('听取下级一把手履行管党治党责任情况汇报'),
        en: z.literal('Hearing a lower principal on their duty'),
        owner: z.literal('committee'),
        activity: z.literal('lower_hearing'),
        period: z.literal('year'),
        per: z.literal('lower_principal'),
        countKey: z.literal('lowerHearingsPerYear'),
        code: z.string(),
      }),
    ]),
  ),
  occasions: z.array(
    z.object({
      event: z.enum([
        'promotion',
        'commendation',
        'urgentTask',
        'personalMatter',
        'publicReport',
        'errorSigns',
        'teamDisunity',
        'majorDifficulty',
        'transfer',
        'integritySigns',
      ]),
      zh: z.string(),
      en: z.string(),
      defaultKind: z.enum(['appointment', 'integrity', 'heart', 'reminder']),
      defaultKindLabel: z.string(),
      defaultDueDays: z.union([z.number(), z.number()]),
    }),
  ),
  activityKinds: z.record(
    z.string(),
    z.object({ rule: z.string(), zh: z.string(), en: z.string(), subjects: z.string() }),
  ),
  verdicts: z.object({ good: z.string(), adequate: z.string(), failing: z.string() }),
});
export const recordOccasionAnswer = z.object({
  dutyId: z.number(),
  dueOn: z.string(),
  talkKind: z.string().nullable(),
  talkKindLabel: z.string(),
  ownerCadreId: z.number(),
  ownerName: z.string(),
  subjectName: z.string(),
  done: z.boolean(),
});
export const recordActivityAnswer = z.object({
  id: z.number(),
  fulfilled: z.array(z.object({ dutyId: z.number(), done: z.boolean() })),
  summonsDuties: z.array(z.number()),
});
export const addRecordAttachmentAnswer = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export const activity = z.object({
  id: z.number(),
  kind: z.string(),
  attachments: z.array(
    z.object({ id: z.number(), name: z.string(), type: z.string(), typeLabel: z.string(), size: z.number() }),
  ),
  kindLabel: z.string(),
  heldOn: z.string(),
  title: z.string(),
  summary: z.string(),
  followUp: z.string().nullable(),
  reportedTo: z.string().nullable(),
  org: z.object({ id: z.number(), name: z.string() }),
  actor: z.object({ cadreId: z.number(), name: z.string().nullable() }).nullable(),
  target: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  subjects: z.array(
    z.object({
      cadreId: z.number(),
      name: z.string(),
      verdict: z.string().nullable(),
      verdictLabel: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export const activityPage = pageAnswer(activity);
