// Talk kinds and duty rules from GET /api/v1/talks/dicts, loaded once; codes never reach the screen. Shapes of the
// talks module's answers (talks.routes.ts, talk.service.ts, duties.ts).
import { useEffect, useState } from 'react';
import { get } from '../../api';
import { useI18n } from '../../i18n';

interface Label { zh: string; en: string }
export interface TalkDicts { kinds: Record<string, Label>; dutyRules: Record<string, Label> }
export type DutyStatus = 'due' | 'done' | 'overdue' | 'waived';

export interface Duty {
  id: number; ruleId: string; what: string; talkKind: string | null; talkKindLabel: string | null; periodStart: string; dueOn: string;
  status: DutyStatus; statusLabel: string; doneOn: string | null; doneTalkId: number | null; waivedReason: string | null;
  owner: { cadreId: number; name: string }; subject: { cadreId: number; name: string; orgName: string };
}
export interface Talk {
  id: number; kind: string; kindLabel: string; heldOn: string; place: string | null; summary: string; followUp: string | null;
  talker: { cadreId: number; name: string }; talkee: { cadreId: number; name: string };
}
export interface Page<T> { total: number; items: T[]; today?: string }

let cache: Promise<TalkDicts> | null = null;
const loadTalkDicts = () => (cache ??= get<TalkDicts>('/api/v1/talks/dicts').catch((e) => { cache = null; throw e; }));

/** The dictionaries in the current language: `kind('supervision')` → 监督谈话. */
export function useTalkDicts() {
  const { lang } = useI18n();
  const [dicts, setDicts] = useState<TalkDicts>();
  useEffect(() => { loadTalkDicts().then(setDicts).catch(() => {}); }, []);
  const pick = (l: Label | undefined) => (l ? (lang === 'en' ? l.en : l.zh) : '');
  const kind = (code: string | null | undefined) => (code ? pick(dicts?.kinds[code]) : '');
  const rule = (code: string) => pick(dicts?.dutyRules[code]);
  const kindOptions = Object.entries(dicts?.kinds ?? {}).map(([value, l]) => ({ value, label: pick(l) }));
  return { dicts, kind, rule, kindOptions };
}

/** Status tags: 已逾期 red, 待完成 orange, 已完成 green, 已免除 grey. */
export const STATUS: Record<DutyStatus, { zh: string; en: string; color: string }> = {
  overdue: { zh: '已逾期', en: 'Overdue', color: 'red' }, due: { zh: '待完成', en: 'Due', color: 'orange' },
  done: { zh: '已完成', en: 'Done', color: 'green' }, waived: { zh: '已免除', en: 'Waived', color: 'default' },
};
