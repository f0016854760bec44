// What the interference, quarterly-report and joint-signature routes answer (M-37); zod only, for the workbench.
import { z } from 'zod';
import { pageAnswer } from '../../platform/http/page.js';

const label = z.tuple([z.string(), z.string()]);
const method = z.enum(['password', 'totp']);

export const interferenceRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  askedOn: z.string(),
  askedName: z.string(),
  asker: z.object({ cadreId: z.number().nullable(), name: z.string() }),
  askerRelation: z.string(),
  askerRelationLabel: label,
  leader: z.object({ cadreId: z.number(), name: z.string() }),
  area: z.string(),
  areaLabel: label,
  matter: z.string(),
  request: z.string(),
  handling: z.string(),
  handlingLabel: label,
  handlingNote: z.string().nullable(),
  /** Entered by the commission: an intervention found without a record, and who should have recorded it. */
  unrecorded: z.object({ cadreId: z.number(), name: z.string() }).nullable(),
});
export const interferencePage = pageAnswer(interferenceRow);
export const interferenceCreated = z.object({ id: z.number() });

export const quarterReports = z.object({
  total: z.number(),
  year: z.number(),
  items: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      quarters: z.array(
        z.object({
          quarter: z.number(),
          dueOn: z.string(),
          state: z.enum(['filed', 'not_owed', 'open', 'due', 'missing']),
          report: z
            .object({ id: z.number(), records: z.number(), filedOn: z.string(), signedBy: z.string(), method })
            .nullable(),
          recordsNow: z.number(),
          contradicted: z.boolean(),
        }),
      ),
    }),
  ),
});
export const quarterFiled = z.object({ id: z.number(), records: z.number(), zero: z.boolean(), digest: z.string() });

const person = z.object({ cadreId: z.number(), name: z.string() });
export const expenseRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  spentOn: z.string(),
  purpose: z.string(),
  amountYuan: z.number(),
  needsJointSignatures: z.boolean(),
  signed: z.array(person.extend({ signedAt: z.string() })),
  missing: z.array(person),
});
export const expensePage = pageAnswer(expenseRow);
export const expenseCreated = z.object({ id: z.number(), needsJointSignatures: z.boolean() });
export const expenseSigned = z.object({ id: z.number(), method, digest: z.string(), signedAt: z.string() });
export const leadersAbove = z.object({
  items: z.array(z.object({ cadreId: z.number(), name: z.string(), title: z.string(), orgName: z.string() })),
});
