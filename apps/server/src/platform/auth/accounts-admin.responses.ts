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
  createdAt: z.string(),
});
export const accountPage = pageAnswer(accountRow);
export const accountCreated = z.object({
  id: z.number(),
  username: z.string(),
  role: z.string(),
  totp: z.object({ secret: z.string(), uri: z.string() }).nullable(),
});
export const accountStatus = z.object({ id: z.number(), disabled: z.boolean(), sessionsEnded: z.number() });
