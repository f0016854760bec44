import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

export const orgTreeNode = z
  .object({
    hasChildren: z.boolean().optional(),
    id: z.number(),
    parentId: z.number().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    level: z.string(),
    unitType: z.string(),
    regionCode: z.string().nullable(),
    sort: z.number(),
    depth: z.number(),
    get children() {
      return z.array(orgTreeNode);
    },
  })
  .meta({ id: 'OrgTreeNode' }); // recursive: the OpenAPI document refers to it as a component
export const sweepResult = z.object({
  cadres: z.number(),
  flags: z.number(),
  byRule: z.record(z.string(), z.number()),
  ms: z.number(),
});
export const archiveSection = z.object({
  titleZh: z.string(),
  titleEn: z.string(),
  items: z.array(z.object({ occurredOn: z.string(), summary: z.string() })),
});
export const gender = z.enum(['M', 'F']);
export const dictsAnswer = z.record(
  z.string(),
  z.array(z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string(), extra: z.unknown() })),
);
export const listChildrenAnswer = z.object({
  items: z.array(
    z.object({
      hasChildren: z.boolean().optional(),
      id: z.number(),
      parentId: z.number().nullable(),
      name: z.string(),
      shortName: z.string().nullable(),
      level: z.string(),
      unitType: z.string(),
      regionCode: z.string().nullable(),
      sort: z.number(),
      depth: z.number(),
    }),
  ),
});
export const getOrgAnswer = z.object({
  hasChildren: z.boolean().optional(),
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.string(),
  unitType: z.string(),
  regionCode: z.string().nullable(),
  sort: z.number(),
  depth: z.number(),
});
export const orgMovesAnswer = z.object({
  items: z.array(
    z.object({
      fromParentId: z.number().nullable(),
      toParentId: z.number(),
      movedAt: z.string(),
      movedBy: z.number().nullable(),
      reason: z.string(),
    }),
  ),
});
export const orgTeamAnswer = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      cadreId: z.number(),
      name: z.string(),
      teamRole: z.string(),
      sort: z.number(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      portfolios: z.array(z.object({ area: z.string(), areaLabel: z.string(), startDate: z.string() })),
    }),
  ),
});
export const addTeamMemberAnswer = z.object({ id: z.number() });
export const setPortfoliosAnswer = z.object({ id: z.number(), added: z.array(z.string()), ended: z.array(z.string()) });
export const flagSummaryAnswer = z.object({
  items: z.array(
    z.object({ ruleId: z.string(), level: z.enum(['red', 'yellow', 'green']), flags: z.number(), cadres: z.number() }),
  ),
});
export const flaggedCadre = z.object({
  cadreId: z.number(),
  name: z.string(),
  idCardMasked: z.string(),
  orgName: z.string(),
  ruleId: z.string(),
  level: z.enum(['red', 'yellow', 'green']),
  message: z.string(),
  messageEn: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
  evidence: z.array(z.record(z.string(), z.unknown())),
  evaluatedOn: z.string(),
});
export const flaggedPage = pageAnswer(flaggedCadre);
export const cadreRow = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(['M', 'F']),
  birthDate: z.string(),
  idCardMasked: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  currentPost: z.string().nullable(),
  rank: z.string().nullable(),
  isPrincipal: z.boolean(),
  flags: z.array(z.object({ ruleId: z.string(), level: z.string() })),
});
export const cadrePage = pageAnswer(cadreRow);
export const timelineEvent = z.object({
  id: z.string(),
  occurredOn: z.string(),
  recordedAt: z.string(),
  eventType: z.string(),
  eventLabel: z.string(),
  sourceModule: z.string(),
  summary: z.string(),
  refEntity: z.string().nullable(),
  refId: z.string().nullable(),
});
export const timelinePage = pageAnswer(timelineEvent);
export const getCadreAnswer = z.object({
  archive: z.array(archiveSection),
  flags: z.array(
    z.object({
      ruleId: z.string(),
      level: z.enum(['red', 'yellow', 'green']),
      message: z.string(),
      messageEn: z.string().nullable(),
      settings: z.record(z.string(), z.unknown()),
      evidence: z.array(z.record(z.string(), z.unknown())),
      evaluatedOn: z.string(),
    }),
  ),
  posts: z.array(
    z.object({
      id: z.number(),
      orgId: z.number(),
      orgName: z.string(),
      title: z.string(),
      postKind: z.string(),
      rank: z.string(),
      rankLabel: z.string(),
      isPrincipal: z.boolean(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      endReason: z.string().nullable(),
      appointDoc: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  team: z.array(
    z.object({
      id: z.number(),
      orgId: z.number(),
      orgName: z.string(),
      teamRole: z.string(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      portfolios: z.array(
        z.object({ area: z.string(), areaLabel: z.string(), startDate: z.string(), endDate: z.string().nullable() }),
      ),
    }),
  ),
  relations: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      kindLabel: z.string(),
      generation: z.number().nullable(),
      relative: z.object({ id: z.number(), name: z.string(), orgName: z.string() }).nullable(),
      note: z.string().nullable(),
    }),
  ),
  id: z.number(),
  name: z.string(),
  idCard: z.string(),
  gender: z.enum(['M', 'F']),
  birthDate: z.string(),
  ethnicity: z.string().nullable(),
  partyStatus: z.string(),
  partyJoinedOn: z.string().nullable(),
  birthplaceCode: z.string().nullable(),
  growthPlaceCode: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  timeline: timelinePage,
});
export const createCadreAnswer = z.object({ id: z.number(), name: z.string(), gender: gender, birthDate: z.string() });
