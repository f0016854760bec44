// Response schemas of 用户管理 (issue 12 §6: every route declares what it answers).
import { z } from 'zod';
import { pageAnswer } from '../http/page.js';

export const accountRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  scope: z.number(),
  scopeLabel: z.string(),
  cadreId: z.number().nullable(),
  disabled: z.boolean(),
  isHead: z.boolean(),
  totp: z.boolean(),
  totpRequired: z.boolean(),
  mustChangePassword: z.boolean(),
  customOrgIds: z.array(z.number()),
  createdAt: z.string(),
});
export const accountPage = pageAnswer(accountRow);
export const accountCreated = z.object({
  id: z.number(),
  username: z.string(),
  role: z.string(),
  oneTimePassword: z.string().nullable(),
});
export const accountUpdated = z.object({ id: z.number(), changed: z.array(z.string()) });
export const passwordReset = z.object({ id: z.number(), oneTimePassword: z.string(), sessionsEnded: z.number() });
export const totpReset = z.object({ id: z.number(), sessionsEnded: z.number() });
export const unlocked = z.object({ id: z.number(), addresses: z.number() });
export const accountStatus = z.object({ id: z.number(), disabled: z.boolean(), sessionsEnded: z.number() });
export const loginLogPage = pageAnswer(
  z.object({
    id: z.number(),
    at: z.string(),
    username: z.string(),
    accountId: z.number().nullable(),
    displayName: z.string().nullable(),
    orgName: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    outcome: z.enum(['ok', 'failed', 'locked']),
    outcomeLabel: z.string(),
    reasonLabel: z.string().nullable(),
  }),
);
export const sessionPage = pageAnswer(
  z.object({
    id: z.number(),
    accountId: z.number(),
    username: z.string(),
    displayName: z.string(),
    orgName: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    startedAt: z.string(),
    expiresAt: z.string(),
    current: z.boolean(),
  }),
);
export const sessionEnded = z.object({ id: z.number(), ended: z.boolean() });
