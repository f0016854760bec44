// Obligation templates, M-21 occasions, record kinds and verdicts from GET /api/v1/obligations/templates, loaded once;
// codes never reach the screen. Shapes of the supervision records (activities.service.ts on the server).
import { useEffect, useState } from 'react';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import {
  COMMITTEE_KINDS as SERVER_COMMITTEE_KINDS,
  type Verdict,
  type ActivityKindDef,
  type ObligationDicts,
} from '@api';
import { useTalkDicts, type Duty } from './talkDicts';
export type { SubjectsRule, Verdict, Occasion, ActivityKindDef, ObligationDicts, Activity } from '@api';

/** Held by the committee as a body: the one who chaired may be left out (the server asks it only of the others). */
export const COMMITTEE_KINDS: readonly string[] = SERVER_COMMITTEE_KINDS;
/** M-26 records are the discipline commission's: written with clues.handle, read with clues.read. */
export const isDisciplineKind = (d: ActivityKindDef | undefined) => d?.rule === 'M-26';

export const VERDICTS: Record<Verdict, { en: string; color: string }> = {
  good: { en: 'Good', color: 'green' },
  adequate: { en: 'Adequate', color: 'blue' },
  failing: { en: 'Failing', color: 'red' },
};
/** The button that records what a duty asks for. */
export const RECORD_ACTION: Record<string, [string, string]> = {
  research_visit: ['登记调研', 'Record a visit'],
  party_lecture: ['登记党课', 'Record a lecture'],
  special_check: ['登记检查', 'Record a check'],
  member_hearing: ['登记听取汇报', 'Record a hearing'],
  lower_hearing: ['登记听取汇报', 'Record a hearing'],
};
/** Duties no template or occasion names in English (the server writes their titles in Chinese only). */
const OTHER_EN: Record<string, string> = {
  hearing_summons: 'Summons after a hearing found a failing',
  appointment: 'Appointment talk with a new lower principal',
  lower_principal_talk: 'Half-yearly talk with each lower principal',
};

const OTHER_ZH: Record<string, string> = { hearing_summons: '听取汇报发现责任落实不到位，及时约谈' };

let cache: Promise<ObligationDicts> | null = null;
const load = () =>
  (cache ??= get<ObligationDicts>('/api/v1/obligations/templates').catch((e) => {
    cache = null;
    throw e;
  }));

export function useObligationDicts() {
  const { lang } = useI18n();
  const { rule, dicts: talkDicts } = useTalkDicts();
  const talkRules = talkDicts?.dutyRules;
  const [dicts, setDicts] = useState<ObligationDicts>();
  useEffect(() => {
    load()
      .then(setDicts)
      .catch(() => {});
  }, []);
  const pick = (l: { zh: string; en: string } | undefined) => (l ? (lang === 'en' ? l.en : l.zh) : '');
  const activityKind = (code: string) => pick(dicts?.activityKinds[code]) || code;
  /** The kinds one may record (or read): the M-26 ones only for the discipline commission. */
  const activityOptions = (discipline: boolean) =>
    Object.entries(dicts?.activityKinds ?? {})
      .filter(([, d]) => discipline || !isDisciplineKind(d))
      .map(([value, d]) => ({ value, label: pick(d), rule: d.rule }));
  const verdict = (v: Verdict) => (lang === 'en' ? VERDICTS[v].en : (dicts?.verdicts[v] ?? v));
  const occasion = (event: string) => dicts?.occasions.find((o) => o.event === event);
  /** What a duty asks, in the current language: the server's Chinese title, or the English of its template or occasion. */
  const dutyTitle = (d: Duty) => {
    if (lang !== 'en') return d.what;
    const code = d.obligation ?? '';
    const l = dicts?.templates.find((x) => x.code === code) ?? occasion(code);
    return l?.en ?? OTHER_EN[code] ?? (rule(d.ruleId) || d.what);
  };
  /** A duty named by its Chinese title alone (compliance's overdue list), in the current language. */
  const dutyName = (zh: string) => {
    if (lang !== 'en') return zh;
    const l =
      dicts?.templates.find((x) => x.zh === zh) ??
      dicts?.occasions.find((x) => x.zh === zh) ??
      Object.values(talkRules ?? {}).find((x) => x.zh === zh);
    return l?.en ?? OTHER_EN[Object.keys(OTHER_ZH).find((k) => OTHER_ZH[k] === zh) ?? ''] ?? zh;
  };
  return { dicts, activityKind, activityOptions, verdict, occasion, dutyTitle, dutyName };
}
