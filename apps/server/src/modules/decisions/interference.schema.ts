// What the interference, quarterly-report and joint-signature routes take (issue 14 §7, M-37); ids through kinds.
import { z } from 'zod';
import { cadre, org } from '../../platform/scope/index.js';
import { pageQuery } from '../../platform/http/index.js';
import { confirmationFields, oneSecret } from '../../platform/auth/index.js';
import { itemSign } from './opinions.schema.js';
import { leader } from './meetings.scope.js';
import { date } from './meetings.schema.js';
import { ASKER_RELATIONS, HANDLINGS, INTERFERENCE_AREAS } from './meeting.dicts.js';

const text = (max: number) => z.string().trim().min(2).max(max);

const keys = <T extends Record<string, unknown>>(d: T) => Object.keys(d) as [keyof T & string, ...(keyof T & string)[]];

export const interferenceCreate = z
  .object({
    orgId: org.inBody(),
    askedOn: date,
    /** The person who was asked (by default the one recording). */
    askedName: z.string().trim().min(1).max(50).optional(),
    askerCadreId: leader.inBody().optional(),
    askerName: z.string().trim().min(1).max(50).optional(),
    askerRelation: z.enum(keys(ASKER_RELATIONS)),
    leaderCadreId: leader.inBody(),
    area: z.enum(keys(INTERFERENCE_AREAS)),
    matter: text(200),
    request: text(2000),
    handling: z.enum(keys(HANDLINGS)),
    handlingNote: z.string().trim().max(1000).optional(),
    /** Entered by the commission for an intervention found without a record: who did not record it. */
    unrecordedCadreId: cadre.inBody().optional(),
  })
  .strict();

export const interferenceListQuery = z.object({ ...pageQuery, orgId: org.inUrl().optional() }).strict();
/** The records naming one cadre as the leader who asked (or as the asker), for their dossier. */
export const cadreInterferenceParams = z.object({ id: cadre.inUrl() }).strict();
export const cadreInterferenceQuery = z.object({ ...pageQuery }).strict();

/** Filed by the unit's principal, who signs it in person: the password or a one-time code, as a signature takes. */
export const quarterReport = z
  .object({
    orgId: org.inBody(),
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
    ...confirmationFields,
  })
  .strict()
  .refine(...oneSecret);
export const quarterListQuery = z
  .object({
    ...pageQuery,
    orgId: org.inUrl().optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  })
  .strict();

export const expenseCreate = z
  .object({
    orgId: org.inBody(),
    spentOn: date,
    purpose: text(500),
    amountYuan: z.number().int().min(1).max(1e12),
  })
  .strict();
export const expenseListQuery = interferenceListQuery;
export const expenseSign = itemSign;

export const leadersQuery = z.object({ orgId: org.inUrl() }).strict();
