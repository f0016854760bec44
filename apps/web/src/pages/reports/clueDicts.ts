// Labels of the reports & clues module from GET /api/v1/clues/dicts, loaded once; codes never reach the screen.
import { useEffect, useState } from 'react';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import { CHANNELS as SERVER_CHANNELS, STEP_ACTIONS as SERVER_STEP_ACTIONS, type ClueDicts } from '@api';
export type { ClueDicts } from '@api';

type Pair = readonly [string, string];

let cache: Promise<ClueDicts> | null = null;
export const loadClueDicts = () =>
  (cache ??= get<ClueDicts>('/api/v1/clues/dicts').catch((e) => {
    cache = null;
    throw e;
  }));

/** Intake channels and the signed steps of a clue, as the server defines them: the list filter needs the channels
 * before any report is loaded. */
export const CHANNELS: Record<string, Pair> = SERVER_CHANNELS;
export const STEP_ACTIONS: Record<string, Pair> = SERVER_STEP_ACTIONS;

/** The dictionaries and a labeller in the current language: `lab(d.clueState, 'inquiry')` → 谈话函询. */
export function useClueDicts() {
  const { lang } = useI18n();
  const [dicts, setDicts] = useState<ClueDicts>();
  useEffect(() => {
    loadClueDicts()
      .then(setDicts)
      .catch(() => {});
  }, []);
  const i = lang === 'en' ? 1 : 0;
  const lab = (dict: Record<string, Pair> | undefined, code: string | null | undefined) =>
    code ? (dict?.[code]?.[i] ?? '') : '';
  const opts = (dict: Record<string, Pair> | undefined) =>
    Object.entries(dict ?? {}).map(([value, l]) => ({ value, label: l[i] }));
  const zhen = (o: { zh: string; en: string } | undefined) => (o ? (lang === 'en' ? o.en : o.zh) : '');
  return { dicts, lab, opts, zhen, lang };
}

/** Date part of an ISO time, as staff read it (China time). */
export const day = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : '';
export const dateTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
/** Today in China time, YYYY-MM-DD: deadlines and meeting dates are compared with it. */
export const todayCst = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
