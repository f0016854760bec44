import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

/** A label in both languages, [中文, English]. */
const labelPair = z.tuple([z.string(), z.string()]).readonly();
const labels = z.record(z.string(), labelPair);

export const clueDicts = z.object({
  reportStatus: labels,
  clueState: labels,
  disposals: z.record(z.string(), z.object({ zh: z.string(), en: z.string(), state: z.string() })),
  handlingModes: labels,
  problemTypes: labels,
  letterStatus: labels,
  outcomeKinds: z.record(
    z.string(),
    z.object({
      form: z.number(),
      zh: z.string(),
      en: z.string(),
      influence: z.string().optional(),
      permanent: z.boolean().optional(),
    }),
  ),
  forms: z.record(z.string(), z.string()),
  results: labels,
  queues: labels,
  deadlineKinds: z.record(z.string(), z.object({ zh: z.string(), en: z.string(), queue: z.string() })),
});
export const acceptReportAnswer = z.object({
  clueId: z.number(),
  number: z.string(),
  state: z.string(),
  handlingDueOn: z.string(),
});
export const declineReportAnswer = z.object({
  id: z.number(),
  status: z.enum(['received', 'accepted', 'merged', 'not_accepted', 'concluded']),
  backToTriage: z.array(z.number()),
});
export const decideLinkAnswer = z.object({ id: z.number(), status: z.enum(['proposed', 'confirmed', 'rejected']) });
export const queueCountsAnswer = z.object({
  today: z.string(),
  queues: z.array(
    z.object({ queue: z.string(), labelZh: z.string(), labelEn: z.string(), overdue: z.number(), dueSoon: z.number() }),
  ),
});
export const queueItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  dueOn: z.string(),
  startOn: z.string(),
  overdueDays: z.number(),
  overdueUnit: z.enum(['calendar', 'working']),
  extended: z.boolean(),
  reportId: z.number(),
  reportNumber: z.string(),
  accusedName: z.string(),
  clueId: z.number().nullable(),
  clueNumber: z.string().nullable(),
  letterId: z.number().nullable(),
  competentOrgName: z.string(),
});
export const queuePage = pageAnswer(queueItem, { today: z.string() });
export const extendDeadlineAnswer = z.object({ id: z.number(), dueOn: z.string(), extendedDays: z.number() });
export const analyseAnswer = z.object({
  org: z.object({ id: z.number(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  settings: z.object({ concentratedMatters: z.number(), periodMonths: z.number() }),
  /** pendingLinks: reports proposed as duplicates awaiting a person's decision (each still its own matter). */
  totals: z.object({ reports: z.number(), matters: z.number(), pendingLinks: z.number() }),
  byChannel: z.array(z.object({ key: z.string(), label: z.string(), n: z.number() })),
  byProblemType: z.array(z.object({ key: z.string(), label: z.string(), n: z.number() })),
  byUnit: z.array(z.object({ orgId: z.number(), label: z.string(), n: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), n: z.number() })),
  concentrated: z.array(
    z.object({
      cadreId: z.number(),
      name: z.string(),
      posts: z.string().nullable(),
      principal: z.boolean(),
      matters: z.number(),
      reports: z.number(),
    }),
  ),
  overdue: z.array(
    z.object({ queue: z.string(), labelZh: z.string(), labelEn: z.string(), overdue: z.number(), dueSoon: z.number() }),
  ),
});
export const clueItem = z.object({
  id: z.number(),
  number: z.string(),
  reportId: z.number(),
  competentOrgId: z.number(),
  competentOrgName: z.string(),
  handlingOrgId: z.number(),
  handlingOrgName: z.string(),
  handlingMode: z.string(),
  handlingModeLabel: z.string(),
  accused: z.object({ cadreId: z.number().nullable(), name: z.string() }),
  problemType: z.string(),
  problemTypeLabel: z.string(),
  summary: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  disposal: z.string().nullable(),
  disposalLabel: z.string().nullable(),
  holdReviewOn: z.string().nullable(),
  transferTo: z.string().nullable(),
  result: z.string().nullable(),
  falseAccusation: z.boolean(),
  registeredAt: z.string(),
  concludedAt: z.string().nullable(),
  version: z.number(),
  handlingDueOn: z.string().nullable(),
});
export const cluePage = pageAnswer(clueItem);
export const getClueAnswer = z.object({
  proposal: z.record(z.string(), z.unknown()).nullable(),
  steps: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      toLabel: z.string(),
      signedBy: z.string(),
      at: z.string(),
      opinion: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      channel: z.string(),
      channelLabel: z.string(),
      receivedAt: z.string(),
      content: z.string(),
      happened: z.string().nullable(),
      anonymous: z.boolean(),
      status: z.string(),
    }),
  ),
  letters: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      issuedOn: z.string(),
      dueOn: z.string(),
      questions: z.string(),
      reply: z.string().nullable(),
      countersignOpinion: z.string().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  outcomes: z.array(
    z.object({
      id: z.number(),
      form: z.number(),
      kind: z.string(),
      kindLabel: z.string(),
      decidedOn: z.string(),
      influenceUntil: z.string().nullable(),
      summary: z.string(),
    }),
  ),
  deadlines: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      label: z.string(),
      dueOn: z.string(),
      met: z.boolean(),
      extended: z.boolean(),
      extensionReason: z.string().nullable(),
    }),
  ),
  id: z.number(),
  number: z.string(),
  reportId: z.number(),
  competentOrgId: z.number(),
  competentOrgName: z.string(),
  handlingOrgId: z.number(),
  handlingOrgName: z.string(),
  handlingMode: z.string(),
  handlingModeLabel: z.string(),
  accused: z.object({ cadreId: z.number().nullable(), name: z.string() }),
  problemType: z.string(),
  problemTypeLabel: z.string(),
  summary: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  disposal: z.string().nullable(),
  disposalLabel: z.string().nullable(),
  holdReviewOn: z.string().nullable(),
  transferTo: z.string().nullable(),
  result: z.string().nullable(),
  falseAccusation: z.boolean(),
  registeredAt: z.string(),
  concludedAt: z.string().nullable(),
  version: z.number(),
  handlingDueOn: z.string().nullable(),
});
export const proposeDisposalAnswer = z.object({
  id: z.number(),
  state: z.enum(['proposed', 'registered', 'inquiry', 'verification', 'on_hold', 'closed', 'transferred']),
  version: z.number(),
});
export const concludeClueAnswer = z.object({
  id: z.number(),
  state: z.enum(['proposed', 'registered', 'inquiry', 'verification', 'on_hold', 'closed', 'transferred']),
  version: z.number(),
  result: z.enum(['false', 'substantiated', 'partly', 'unsubstantiated']),
});
export const issueLetterAnswer = z.object({
  id: z.number(),
  number: z.string(),
  dueOn: z.string(),
  copyTo: z.string().nullable(),
  copyToLabel: z.string().nullable(),
});
export const decideLetterAnswer = z.object({
  id: z.number(),
  status: z.enum(['accepted', 'sent', 'replied', 'countersigned', 'to_verification']),
  clueState: z.string(),
});
export const myLettersAnswer = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      cadreName: z.string(),
      countersignerName: z.string().nullable(),
      copyTo: z.string().nullable(),
      copyToLabel: z.string().nullable(),
      questions: z.string(),
      issuedOn: z.string(),
      dueOn: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      reply: z.string().nullable(),
      repliedAt: z.string().nullable(),
      countersignOpinion: z.string().nullable(),
      countersignedAt: z.string().nullable(),
      myPart: z.string().nullable(),
    }),
  ),
});
export const getPartyLetterAnswer = z.object({
  id: z.number(),
  number: z.string(),
  cadreName: z.string(),
  countersignerName: z.string().nullable(),
  copyTo: z.string().nullable(),
  copyToLabel: z.string().nullable(),
  questions: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  countersignOpinion: z.string().nullable(),
  countersignedAt: z.string().nullable(),
  myPart: z.string().nullable(),
});
export const replyLetterAnswer = z.object({
  id: z.number(),
  status: z.enum(['accepted', 'sent', 'replied', 'countersigned', 'to_verification']),
});
