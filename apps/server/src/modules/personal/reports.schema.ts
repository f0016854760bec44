// Request shapes of personal matters reports (issue 15 §1, M-40).
import { z } from 'zod';
import { confirmationBody } from '../../platform/auth/index.js';
import { cadre } from '../../platform/scope/index.js';
import { reportItem } from './items.catalog.js';

export const newReport = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('annual'),
      /** Omitted: the caller's own report. Given: the organization department enters one for a cadre in scope. */
      cadreId: cadre.inBody().optional(),
      year: z.number().int().min(2000).max(2100),
    })
    .strict(),
  z
    .object({
      kind: z.literal('event'),
      cadreId: cadre.inBody().optional(),
      eventKind: z.enum(['marriage', 'emigration', 'business', 'travel']),
      eventOn: z.iso.date(),
    })
    .strict(),
]);

export const reportItems = z.object({ items: z.array(reportItem).max(500) }).strict();

export const reportSign = confirmationBody;

export const reportListQuery = z
  .object({
    cadreId: cadre.inUrl().optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  })
  .strict();
