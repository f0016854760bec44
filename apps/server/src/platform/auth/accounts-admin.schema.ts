// What an account manager sends (issue 13 §1, §2). Ids of units and cadres are id kinds: the route's guard checks
// each against the manager's scope before the service runs.
import { z } from 'zod';
import { pageQuery } from '../http/paging.js';
import { cadre, org } from '../scope/index.js';
import { ROLE_NAMES } from './roles.js';

export const accountListQuery = z.object({ ...pageQuery }).strict();

export const accountCreate = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, {
        message:
          '账号名为 3–32 位小写字母、数字或 _ . -，以字母开头 / 3–32 lower-case letters, digits or _ . -, starting with a letter',
      }),
    displayName: z.string().trim().min(1).max(40),
    password: z.string().max(200),
    role: z.enum(ROLE_NAMES as [string, ...string[]]).transform((r) => r as (typeof ROLE_NAMES)[number]),
    orgId: org.inBody(),
    scope: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    customOrgIds: z.array(org.inBody()).max(200).optional(),
    cadreId: cadre.inBody().optional(),
    isHead: z.boolean().optional(),
  })
  .strict();

export const accountStatusBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();
