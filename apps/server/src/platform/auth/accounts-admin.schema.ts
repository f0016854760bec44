// What an account manager sends (issue 13 §1, §2). Ids of units and cadres are id kinds: the route's guard checks
// each against the manager's scope before the service runs.
import { z } from 'zod';
import { pageQuery } from '../http/paging.js';
import { cadre, org } from '../scope/index.js';
import { account } from './accounts-admin.scope.js';
import { ROLE_NAMES } from './roles.js';

export const accountListQuery = z
  .object({
    ...pageQuery,
    q: z.string().trim().max(40).optional(),
    role: z.enum(ROLE_NAMES as [string, ...string[]]).optional(),
  })
  .strict();

const displayName = z.string().trim().min(1).max(40);
const role = z
  .enum(ROLE_NAMES as [string, ...string[]], { message: '没有这个角色 / No such role' })
  .transform((r) => r as (typeof ROLE_NAMES)[number]);
const scope = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
  message: '数据权限为 1–5 / The data scope is 1 to 5',
});

export const accountCreate = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, {
        message:
          '账号名为 3–32 位小写字母、数字或 _ . -，以字母开头 / 3–32 lower-case letters, digits or _ . -, starting with a letter',
      }),
    displayName,
    /** The first password, which the user must change at first login; without one the server makes one up. */
    password: z.string().max(200).optional(),
    role,
    orgId: org.inBody(),
    scope,
    customOrgIds: z.array(org.inBody()).max(200).optional(),
    cadreId: cadre.inBody().optional(),
    isHead: z.boolean().optional(),
    totpRequired: z.boolean().optional(),
  })
  .strict();

/** What an edit changes (absent: unchanged); a reason is trailed with it. cadreId null unlinks the cadre. */
export const accountUpdate = z
  .object({
    displayName: displayName.optional(),
    role: role.optional(),
    orgId: org.inBody().optional(),
    scope: scope.optional(),
    customOrgIds: z.array(org.inBody()).max(200).optional(),
    cadreId: cadre.inBody().nullable().optional(),
    isHead: z.boolean().optional(),
    totpRequired: z.boolean().optional(),
    reason: z.string().trim().min(2).max(500),
  })
  .strict();

export const accountStatusBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

export const loginLogQuery = z
  .object({
    ...pageQuery,
    username: z.string().trim().max(64).optional(),
    outcome: z.enum(['ok', 'failed', 'locked']).optional(),
    accountId: account.inUrl().optional(),
  })
  .strict();

export const sessionListQuery = z.object({ ...pageQuery }).strict();
