// Talk kinds and duty rules from GET /api/v1/talks/dicts, loaded once; codes never reach the screen. Shapes of the
// talks module's answers (talks.routes.ts, talk.service.ts, duties.service.ts).
import { useEffect, useState } from 'react';
import { get } from '../../api';
import { useI18n } from '../../i18n';
export type { TalkDicts, DutyStatus, Duty, Talk, Page } from '@api';
import type { TalkDicts, DutyStatus } from '@api';

interface Label {
  zh: string;
  en: string;
}

let cache: Promise<TalkDicts> | null = null;
const loadTalkDicts = () =>
  (cache ??= get<TalkDicts>('/api/v1/talks/dicts').catch((e) => {
    cache = null;
    throw e;
  }));

/** The dictionaries in the current language: `kind('supervision')` → 监督谈话. */
export function useTalkDicts() {
  const { lang } = useI18n();
  const [dicts, setDicts] = useState<TalkDicts>();
  useEffect(() => {
    loadTalkDicts()
      .then(setDicts)
      .catch(() => {});
  }, []);
  const pick = (l: Label | undefined) => (l ? (lang === 'en' ? l.en : l.zh) : '');
  const kind = (code: string | null | undefined) => (code ? pick(dicts?.kinds[code]) : '');
  const rule = (code: string) => pick(dicts?.dutyRules[code]);
  const kindOptions = Object.entries(dicts?.kinds ?? {}).map(([value, l]) => ({ value, label: pick(l) }));
  return { dicts, kind, rule, kindOptions };
}

/** Status tags: 已逾期 red, 待完成 orange, 已完成 green, 已暂停 blue, 已免除 grey. */
export const STATUS: Record<DutyStatus, { zh: string; en: string; color: string }> = {
  overdue: { zh: '已逾期', en: 'Overdue', color: 'red' },
  due: { zh: '待完成', en: 'Due', color: 'orange' },
  done: { zh: '已完成', en: 'Done', color: 'green' },
  paused: { zh: '已暂停', en: 'Paused', color: 'blue' },
  waived: { zh: '已免除', en: 'Waived', color: 'default' },
};

/** The duty filter by rule, as a reader says it. */
export const DUTY_RULES: Record<string, { zh: string; en: string }> = {
  'M-21': { zh: '八个必谈（事由触发）', en: 'Talks an occasion calls for' },
  'M-22': { zh: '新任下级一把手任职谈话', en: 'Appointment talks' },
  'M-23': { zh: '定期谈话、调研、党课、专项检查', en: 'Regular talks, visits, lectures, checks' },
  'M-25': { zh: '听取汇报与约谈', en: 'Hearings and summons' },
};
