import { z } from 'zod';

export const loginAnswer = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum([
    'org_supervisor',
    'discipline',
    'petition',
    'auditor',
    'committee_leader',
    'cadre',
    'joint_member',
    'admin',
  ]),
  roleLabel: z.string(),
  orgId: z.number(),
  scope: z.union([z.number(), z.number(), z.number(), z.number(), z.number()]),
  scopeLabel: z.string(),
  permissions: z.array(z.string()),
  cadreId: z.number().nullable(),
  isHead: z.boolean(),
  csrfToken: z.string(),
});
export const writeAnswer = z.object({ ok: z.boolean() });
