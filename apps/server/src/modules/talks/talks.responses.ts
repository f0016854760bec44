import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

export const dutyStatus = z.enum(['done', 'due', 'overdue', 'paused', 'waived']);
export const problem = z.object({ row: z.number(), column: z.string(), messageZh: z.string(), messageEn: z.string() });
export const talkDicts = z.object({
  kinds: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
  dutyRules: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
});
export const recordTalkAnswer = z.object({ id: z.number(), fulfilledDuties: z.array(z.number()) });
export const talkItem = z.object({
  id: z.number(),
  kind: z.string(),
  attachments: z.array(
    z.object({ id: z.number(), name: z.string(), type: z.string(), typeLabel: z.string(), size: z.number() }),
  ),
  kindLabel: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  summary: z.string(),
  followUp: z.string().nullable(),
  talker: z.object({ cadreId: z.number(), name: z.string() }),
  talkee: z.object({ cadreId: z.number(), name: z.string() }),
});
export const talkPage = pageAnswer(talkItem);
export const talkStats = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byKind: z.array(
    z.object({
      kind: z.enum([
        'admonition',
        'appointment',
        'supervision',
        'integrity',
        'performance',
        'heart',
        'reminder',
        'summons',
        'home_visit',
        'election_discipline',
      ]),
      label: z.string(),
      n: z.number(),
    }),
  ),
  phrase: z.string(),
  phrases: z.array(z.string()),
});
export const duty = z.object({
  id: z.number(),
  ruleId: z.string(),
  what: z.string(),
  whatEn: z.string(),
  talkKind: z.string().nullable(),
  obligation: z.string().nullable(),
  activity: z.string(),
  byCommittee: z.boolean(),
  required: z.number(),
  doneCount: z.number(),
  occasionNote: z.string().nullable(),
  talkKindLabel: z.string().nullable(),
  periodStart: z.string(),
  dueOn: z.string(),
  status: dutyStatus,
  statusLabel: z.string(),
  doneOn: z.string().nullable(),
  doneTalkId: z.number().nullable(),
  waivedReason: z.string().nullable(),
  owner: z.object({ cadreId: z.number(), name: z.string(), orgId: z.number().nullable() }),
  subject: z.object({
    cadreId: z.number().nullable(),
    name: z.string().nullable(),
    orgId: z.number(),
    orgName: z.string(),
  }),
});
export const dutyPage = pageAnswer(duty, { today: z.string() });
export const complianceAnswer = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      overdueSince: z.string().nullable(),
      overdueOn: z.array(z.string()),
      total: z.number(),
      done: z.number(),
      overdue: z.number(),
      due: z.number(),
      waived: z.number(),
      owner: z.object({ cadreId: z.number(), name: z.string(), orgName: z.string().nullable() }),
    }),
  ),
  units: z.array(
    z.object({
      total: z.number(),
      done: z.number(),
      overdue: z.number(),
      due: z.number(),
      waived: z.number(),
      orgId: z.number(),
      name: z.string(),
      own: z.boolean(),
    }),
  ),
});
export const waiveDutyAnswer = z.object({ id: z.number(), status: z.string() });
export const remindDutiesAnswer = z.object({ soon: z.number(), overdue: z.number() });
export const listImport = z.object({
  written: z.number(),
  rows: z.number(),
  errors: z.array(problem),
  warnings: z.array(problem),
  linkedLeaders: z.number(),
});
export const listTasksAnswer = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      orgName: z.string(),
      listName: z.string(),
      seq: z.number(),
      task: z.string(),
      leadLeader: z.string().nullable(),
      leadCadreId: z.number().nullable(),
      leadUnit: z.string().nullable(),
      assisting: z.string().nullable(),
      deliverables: z.string().nullable(),
      dueOn: z.string().nullable(),
      dueText: z.string().nullable(),
      status: z.string(),
      statusLabel: z.string(),
      overdue: z.boolean(),
      progress: z.string().nullable(),
      completedOn: z.string().nullable(),
    }),
  ),
});
export const updateTaskAnswer = z.object({ id: z.number(), status: z.enum(['done', 'not_started', 'in_progress']) });
export const generateDutiesAnswer = z.object({
  ms: z.number(),
  periodic: z.number(),
  appointments: z.number(),
  templates: z.number(),
  occasions: z.number(),
  metByEarlierTalks: z.number(),
  metByEarlierRecords: z.number(),
  from: z.string(),
  to: z.string(),
});
