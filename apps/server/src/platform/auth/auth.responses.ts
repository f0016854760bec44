import { z } from 'zod';

export const me = z.object({
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
  scope: z.number(),
  scopeLabel: z.string(),
  permissions: z.array(z.string()),
  cadreId: z.number().nullable(),
  isHead: z.boolean(),
  csrfToken: z.string(),
  /** First-login steps left (issue 13 §1). */
  setup: z.object({ password: z.boolean(), totp: z.boolean() }),
});
export const totpBegun = z.object({ secret: z.string(), uri: z.string(), qr: z.string() });
export const ok = z.object({ ok: z.boolean() });
