// Request schemas of the registry API (M-01 … M-03). Objects are strict: unknown fields are refused.
import { z } from 'zod';
import { pageQuery } from '../../platform/http/index.js';
import { cadre, org, urlInt } from '../../platform/scope/index.js';
import { isRuleId } from '../../platform/rules/index.js';

const name = (max: number) => z.string().trim().min(1).max(max);
const code = z.string().min(1).max(40);
export const isoDate = z.iso.date();
const regionCode = z.string().regex(/^\d{6}$/, { message: '地区代码应为 6 位数字 / Region code must be 6 digits' });

const beforeOrSame = (a?: string | null, b?: string | null) => !a || !b || a <= b;

export const orgCreate = z
  .object({
    parentId: org.inBody().nullable(),
    name: name(100),
    shortName: name(30).optional(),
    level: code,
    unitType: code,
    regionCode: regionCode.optional(),
    sort: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

export const orgUpdate = z
  .object({
    name: name(100).optional(),
    shortName: name(30).nullable().optional(),
    level: code.optional(),
    unitType: code.optional(),
    regionCode: regionCode.nullable().optional(),
    sort: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

export const orgMove = z.object({ newParentId: org.inBody(), reason: name(500) }).strict();

export const orgTreeQuery = z.object({ depth: urlInt(1, 6).default(2) }).strict();
export const orgChildrenQuery = z.object({ parentId: org.inUrl().optional() }).strict();

const ruleId = z.string().refine(isRuleId, { message: '没有该规则编号（如 M-04）/ No such rule id (e.g. M-04)' });
const level = z.enum(['red', 'yellow', 'green']);

export const cadreListQuery = z
  .object({
    ...pageQuery,
    q: z.string().trim().max(50).optional(),
    orgId: org.inUrl().optional(),
    principal: z.enum(['true', 'false']).optional(),
    rank: code.optional(),
    /** Level of the unit that manages the record (省/市/县区/乡镇街道/村社区). */
    orgLevel: code.optional(),
    /** Only cadres carrying a flag of this rule (M-04 … ), optionally of this level. */
    flag: ruleId.optional(),
    flagLevel: level.optional(),
  })
  .strict();

export const flagListQuery = z
  .object({
    ...pageQuery,
    orgId: org.inUrl().optional(),
    level: level.optional(),
  })
  .strict();
export const flagRuleParam = z.object({ ruleId }).strict();
export const sweepBody = z.object({ orgId: org.inBody() }).strict();

export const cadreCreate = z
  .object({
    name: name(50),
    idCard: z.string().trim().min(1).max(20),
    partyStatus: code,
    partyJoinedOn: isoDate.optional(),
    ethnicity: name(20).optional(),
    birthplaceCode: regionCode.optional(),
    growthPlaceCode: regionCode.optional(),
    orgId: org.inBody(),
  })
  .strict();

export const cadreUpdate = z
  .object({
    name: name(50).optional(),
    idCard: z.string().trim().min(1).max(20).optional(),
    partyStatus: code.optional(),
    partyJoinedOn: isoDate.nullable().optional(),
    ethnicity: name(20).nullable().optional(),
    birthplaceCode: regionCode.nullable().optional(),
    growthPlaceCode: regionCode.nullable().optional(),
    orgId: org.inBody().optional(),
  })
  .strict();

export const postCreate = z
  .object({
    orgId: org.inBody(),
    title: name(100),
    postKind: code,
    rank: code,
    isPrincipal: z.boolean().default(false),
    startDate: isoDate,
    endDate: isoDate.optional(),
    appointDoc: name(100).optional(),
  })
  .strict()
  .refine((p) => beforeOrSame(p.startDate, p.endDate), {
    path: ['endDate'],
    message: '离任日期不能早于任职日期 / The end date cannot be before the start date',
  });

export const postEnd = z.object({ endDate: isoDate, reason: name(200) }).strict();

export const teamMemberCreate = z
  .object({
    cadreId: cadre.inBody(),
    teamRole: code,
    joinedOn: isoDate,
    portfolios: z.array(code).max(20).default([]),
    sort: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const teamMemberLeave = z.object({ leftOn: isoDate }).strict();
export const portfolioSet = z.object({ areas: z.array(code).max(20), effectiveOn: isoDate }).strict();

export const relationCreate = z
  .object({
    relativeCadreId: cadre.inBody(),
    kind: code,
    generation: z.number().int().min(2).max(9).optional(),
    note: name(200).optional(),
  })
  .strict();

export const timelineQuery = z.object({ ...pageQuery }).strict();
