// M-16 outcomes by the four forms of supervision (四种形态, `003`) and the sanctions of `003` 篇4. The influence
// period (影响期: no promotion or reuse while it runs) is a rule setting (M-16) keyed by the names below; kinds
// without a key have none, or (expulsion, criminal transfer) end the career and have no end date.
import type { RuleSettings } from '../../platform/rules/index.js';

type InfluenceKey = keyof RuleSettings<'M-16'>;

export const OUTCOME_KINDS = {
  criticism: { form: 1, zh: '批评教育', en: 'Criticism and education' },
  talk_reminder: { form: 1, zh: '谈话提醒', en: 'Talk reminder' },
  inquiry_closed: { form: 1, zh: '函询了结', en: 'Closed after inquiry' },
  circulated_criticism: { form: 1, zh: '通报批评', en: 'Circulated criticism', influence: 'circulatedCriticism' },
  admonition: { form: 1, zh: '诫勉', en: 'Admonition (诫勉)', influence: 'admonition' },
  warning: { form: 2, zh: '党内警告', en: 'Party warning', influence: 'warning' },
  serious_warning: { form: 2, zh: '党内严重警告', en: 'Serious party warning', influence: 'seriousWarning' },
  post_adjustment: { form: 2, zh: '调整职务', en: 'Organizational adjustment', influence: 'postAdjustment' },
  removal: { form: 3, zh: '免职', en: 'Removal from post', influence: 'removal' },
  dismissal_from_party_post: {
    form: 3,
    zh: '撤销党内职务',
    en: 'Dismissal from party posts',
    influence: 'dismissalFromPartyPost',
  },
  probation: { form: 3, zh: '留党察看', en: 'Party probation', influence: 'probation' },
  expulsion: { form: 3, zh: '开除党籍', en: 'Expulsion from the party', permanent: true },
  criminal_transfer: {
    form: 4,
    zh: '涉嫌违法犯罪，移送司法机关',
    en: 'Transferred for criminal prosecution',
    permanent: true,
  },
} as const satisfies Record<
  string,
  { form: 1 | 2 | 3 | 4; zh: string; en: string; influence?: InfluenceKey; permanent?: boolean }
>;
export type OutcomeKind = keyof typeof OUTCOME_KINDS;

export const FORM_LABELS = { 1: '第一种形态', 2: '第二种形态', 3: '第三种形态', 4: '第四种形态' } as const;

/** Months of influence for a kind under the settings in force; 0 when the kind has none. */
export function influenceMonths(kind: OutcomeKind, settings: RuleSettings<'M-16'>): number {
  const k = OUTCOME_KINDS[kind] as { influence?: InfluenceKey };
  return k.influence ? settings[k.influence] : 0;
}

/**
 * The last day of the influence period (民法典 §201, §203: the decision day is not counted; the period ends on the
 * corresponding day of the last month, or that month's last day when it has none): 2026-03-31 + 6 months → 2026-09-30.
 */
export function influenceUntil(decidedOn: string, months: number): string | null {
  return months > 0 ? addMonths(decidedOn, months) : null;
}

/** The corresponding day `months` later (or earlier), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
