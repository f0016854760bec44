// Labels of the reports & clues module from GET /api/v1/clues/dicts, loaded once; codes never reach the screen.
import { useEffect, useState } from 'react';
import { get } from '../../api';
import { useI18n } from '../../i18n';

type Pair = readonly [string, string];
export interface ClueDicts {
  reportStatus: Record<string, Pair>;
  clueState: Record<string, Pair>;
  handlingModes: Record<string, Pair>;
  problemTypes: Record<string, Pair>;
  letterStatus: Record<string, Pair>;
  results: Record<string, Pair>;
  queues: Record<string, Pair>;
  disposals: Record<string, { zh: string; en: string; state: string }>;
  outcomeKinds: Record<string, { form: number; zh: string; en: string; influence?: string; permanent?: boolean }>;
  forms: Record<string, string>;
  deadlineKinds: Record<string, { zh: string; en: string; queue: string }>;
}

let cache: Promise<ClueDicts> | null = null;
export const loadClueDicts = () =>
  (cache ??= get<ClueDicts>('/api/v1/clues/dicts').catch((e) => {
    cache = null;
    throw e;
  }));

/** Intake channels (reports.schema.ts CHANNELS): the list filter needs them before any report is loaded. */
export const CHANNELS: Record<string, Pair> = {
  web: ['网络举报', 'Website'],
  phone_12380: ['12380 电话', '12380 phone'],
  letter: ['来信', 'Letter'],
  visit: ['来访', 'Visit'],
  sms: ['短信', 'SMS'],
  mailbox: ['检举控告免费邮', 'Free-post mailbox'],
  box: ['举报箱', 'Reporting box'],
  monitor: ['干部监督信息员', 'Volunteer monitor'],
  inspection: ['巡察反馈', 'Inspection finding'],
  audit: ['审计发现', 'Audit finding'],
  joint_meeting: ['联席会议移送', 'Joint-meeting transfer'],
  media: ['舆情', 'Media / public opinion'],
};

/** The signed steps of a clue (case.moves.ts CLUE_MACHINE, plus the registration at triage). */
export const STEP_ACTIONS: Record<string, Pair> = {
  register: ['登记为问题线索', 'Registered'],
  propose: ['提出处置意见', 'Disposal proposed'],
  approve: ['审批同意', 'Approved'],
  return: ['退回重议', 'Returned'],
  escalate: ['转初步核实', 'Moved to verification'],
  conclude: ['办结', 'Concluded'],
};

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
