// The items of a personal matters report (issue 15 §1, M-40): each kind a structured row with its own fields, as the
// rules in force list them (`003` 篇3/篇8), plus what `004` adds (houses with price and source of funds, close
// relatives who are 处级 cadres, the source of funds for a car). `match` names the fields kept as keyed digests for
// matching against agencies' records and the leader's jurisdiction (M-41, M-44); the values themselves are sealed.
import { z } from 'zod';
import { creditCodeProblem } from './credit-code.js';

const text = (max = 100) => z.string().trim().min(1).max(max);
const day = z.iso.date();
const yuan = z.number().nonnegative().max(1e13);
const relation = z.enum(['self', 'spouse', 'child', 'child_spouse']);
const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => creditCodeProblem(c) === null, {
    message:
      '统一社会信用代码格式或校验位不正确 / The unified social credit code has a wrong format or check character',
  });
const region = z.string().regex(/^\d{6}$/);

export const ITEM_KINDS = {
  marriage: {
    label: ['婚姻情况', 'Marriage'],
    fields: z.object({ status: z.enum(['unmarried', 'married', 'divorced', 'widowed']), spouse: text().optional() }),
  },
  passport: {
    label: ['因私出入境证件', 'Passports and travel permits'],
    fields: z.object({
      type: z.enum(['passport', 'hk_macau', 'taiwan']),
      number: text(30),
      issuedOn: day,
      keptBy: text(),
    }),
    match: ['number'],
  },
  travel: {
    label: ['因私出国（境）', 'Private travel abroad'],
    fields: z.object({ destination: text(), from: day, to: day, reason: text(200) }),
  },
  child_foreign_marriage: {
    label: ['子女与外国人、港澳台居民通婚', 'Children married to foreigners or 港澳台 residents'],
    fields: z.object({ child: text(), spouse: text(), spouseNationality: text() }),
  },
  emigration: {
    label: [
      '配偶、子女移居国（境）外或连续在国（境）外工作生活一年以上',
      'Spouse or children emigrated or abroad a year or more',
    ],
    fields: z.object({
      relation: relation.exclude(['self']),
      name: text(),
      country: text(),
      since: day,
      kind: z.enum(['emigrated', 'settled', 'abroad_year']),
    }),
  },
  family_work: {
    label: ['配偶、子女及其配偶从业情况', 'Work of spouse, children and their spouses'],
    fields: z.object({ relation: relation.exclude(['self']), name: text(), employer: text(200), post: text() }),
  },
  criminal: {
    label: ['配偶、子女及其配偶被追究刑事责任', 'Criminal liability of spouse, children and their spouses'],
    fields: z.object({ relation: relation.exclude(['self']), name: text(), offence: text(200), on: day }),
  },
  salary: { label: ['工资及各类奖金、津贴、补贴', 'Salary and allowances'], fields: z.object({ annualYuan: yuan }) },
  side_income: {
    label: ['劳务所得（讲学、写作、咨询、审稿、书画等）', 'Income from lectures, writing, consulting'],
    fields: z.object({ source: z.enum(['lecture', 'writing', 'consulting', 'review', 'art']), payer: text(200), yuan }),
  },
  house: {
    label: ['房产', 'Houses'],
    fields: z.object({
      owner: relation,
      address: text(200),
      areaM2: z.number().positive().max(100000),
      kind: z.enum(['commercial', 'affordable', 'self_built', 'shop', 'other']),
      sharePct: z.number().positive().max(100),
      priceYuan: yuan,
      fundsSource: text(200),
    }),
    match: ['address'],
  },
  securities: {
    label: ['股票、基金、投资型保险', 'Stocks, funds and investment insurance'],
    fields: z.object({
      holder: relation,
      kind: z.enum(['stock', 'fund', 'insurance']),
      name: text(),
      valueYuan: yuan,
    }),
  },
  family_business: {
    label: ['配偶、子女及其配偶经商办企业', 'Businesses of spouse, children and their spouses'],
    fields: z.object({
      relation: relation.exclude(['self']),
      person: text(),
      name: text(200),
      creditCode,
      regionCode: region,
      industry: text(),
      role: z.enum(['owner', 'shareholder', 'manager', 'partner']),
    }),
    match: ['creditCode', 'name'],
  },
  abroad_assets: {
    label: ['在国（境）外的存款和投资', 'Deposits and investments abroad'],
    fields: z.object({ holder: relation, country: text(), kind: z.enum(['deposit', 'investment']), valueYuan: yuan }),
  },
  relative_cadre: {
    label: ['亲属担任处级以上领导干部', 'Close relatives who are 处级 cadres or above'],
    fields: z.object({ relation: text(30), name: text(), unit: text(200), post: text() }),
  },
  car_funds: {
    label: ['购车资金来源', 'Source of funds for a car'],
    fields: z.object({ model: text(), priceYuan: yuan, fundsSource: text(200), boughtOn: day }),
  },
} as const satisfies Record<string, { label: [string, string]; fields: z.ZodObject; match?: readonly string[] }>;

export type ItemKind = keyof typeof ITEM_KINDS;
export const ITEM_KIND_NAMES = Object.keys(ITEM_KINDS) as [ItemKind, ...ItemKind[]];

/** One item as the API takes it: a kind and its fields, checked by that kind's schema. */
export const reportItem = z
  .discriminatedUnion(
    'kind',
    ITEM_KIND_NAMES.map((k) =>
      z.object({ kind: z.literal(k), values: ITEM_KINDS[k].fields.strict() }).strict(),
    ) as never,
  )
  .superRefine((item: { kind: ItemKind; values: Record<string, unknown> }, c) => {
    const v = item.values;
    if (item.kind === 'travel' && typeof v.from === 'string' && typeof v.to === 'string' && v.to < v.from)
      c.addIssue({
        code: 'custom',
        path: ['values', 'to'],
        message: '回国（境）日期不能早于出发日期 / The return cannot be before the departure',
      });
  });
export type ReportItem = { kind: ItemKind; values: Record<string, unknown> };

/** The fields of an item kept as keyed digests for matching, as `field:VALUE` (upper-cased, spaces removed). */
export const matchKeys = (item: ReportItem): string[] =>
  ((ITEM_KINDS[item.kind] as { match?: readonly string[] }).match ?? []).flatMap((f) => {
    const v = item.values[f];
    return typeof v === 'string' ? [`${f}:${v.replace(/\s+/g, '').toUpperCase()}`] : [];
  });
