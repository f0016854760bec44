// Request schemas of triage, the clue ledger, letters and outcomes (M-12 … M-19). Strict objects: unknown fields are refused.
import { z } from 'zod';
import { pageQuery } from '../../platform/http/index.js';
import { org } from '../../platform/scope/index.js';
import {
  CLUE_STATE,
  DISPOSALS,
  HANDLING_MODES,
  PROBLEM_TYPES,
  type ClueState,
  type Disposal,
  type HandlingMode,
  type ProblemType,
} from './case-states.dicts.js';
import { QUEUES, type Queue } from './deadlines.service.js';
import { OUTCOME_KINDS, type OutcomeKind } from './outcome-kinds.dicts.js';
import { RESULTS, type Result } from './conclusion.service.js';

const keys = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];
const text = (min: number, max: number, zh: string) =>
  z
    .string()
    .trim()
    .min(min, { message: `${zh}（至少 ${min} 个字）/ at least ${min} characters` })
    .max(max);
const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / Date must be YYYY-MM-DD' });
const version = z.number().int().min(1);

export const acceptReport = z
  .object({
    problemType: z.enum(keys<ProblemType>(PROBLEM_TYPES)),
    summary: text(4, 2000, '请写明线索摘要'),
    handlingMode: z.enum(keys<HandlingMode>(HANDLING_MODES)),
    handlingOrgId: org.inBody().optional(),
  })
  .strict();
export const declineReport = z.object({ reason: text(4, 1000, '请写明不予受理的理由') }).strict();

export const propose = z
  .object({
    disposal: z.enum(keys<Disposal>(DISPOSALS)),
    opinion: text(4, 2000, '请写明处置意见'),
    version,
    collective: z
      .object({
        meetingOn: isoDate,
        participants: z
          .array(z.string().trim().min(1).max(50))
          .min(3, { message: '集体研究至少 3 人参加 / At least 3 participants' })
          .max(30),
        minutes: text(4, 5000, '请写明集体研究意见'),
      })
      .strict(),
    holdReviewOn: isoDate.optional(),
    transferTo: z.string().trim().min(2).max(100).optional(),
  })
  .strict();
export const decide = z.object({ opinion: text(2, 2000, '请写明审批意见'), version }).strict();

export const conclude = z
  .object({
    result: z.enum(keys<Result>(RESULTS)),
    opinion: text(4, 2000, '请写明办结意见'),
    version,
    outcomes: z
      .array(
        z
          .object({
            kind: z.enum(keys<OutcomeKind>(OUTCOME_KINDS)),
            decidedOn: isoDate,
            summary: text(2, 2000, '请写明处理内容'),
          })
          .strict(),
      )
      .max(10)
      .default([]),
    referAccuser: z.boolean().optional(),
  })
  .strict();

export const issueLetter = z.object({ questions: text(10, 5000, '请写明函询问题') }).strict();
export const letterDecision = z
  .object({ decision: z.enum(['accept', 'verify']), note: text(4, 2000, '请写明审核意见') })
  .strict();
export const letterReply = z.object({ reply: text(10, 10_000, '请如实作出书面说明') }).strict();
export const countersign = z.object({ opinion: z.string().max(2000) }).strict();
export const extend = z.object({ reason: text(5, 1000, '请写明延期理由') }).strict();

export const clueListQuery = z
  .object({
    ...pageQuery,
    state: z.enum(keys<ClueState>(CLUE_STATE)).optional(),
    q: z.string().trim().min(1).max(50).optional(),
    orgId: org.inUrl().optional(),
  })
  .strict();
export const orgQuery = z.object({ orgId: org.inUrl().optional() }).strict();
export const queueParam = z.object({ queue: z.enum(keys<Queue>(QUEUES)) }).strict();
export const queueQuery = z.object({ ...pageQuery, orgId: org.inUrl().optional() }).strict();
export const analysisQuery = z
  .object({ orgId: org.inUrl().optional(), from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine(
    (q) =>
      (!q.from || q.from >= '2000-01-01') && (!q.to || q.to >= '2000-01-01') && (!q.from || !q.to || q.from <= q.to),
    { message: '统计期间有误（起止日期不早于 2000 年，且起始不晚于截止）/ Bad period', path: ['from'] },
  );
