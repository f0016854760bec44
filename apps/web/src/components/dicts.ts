// Dictionaries from the server (levels, unit types, ranks, 分管 areas…), loaded once per page load.
import { get } from '../api';
export type { Dicts } from '@api';
import type { Dicts } from '@api';

let cache: Promise<Dicts> | null = null;
export const loadDicts = () =>
  (cache ??= get<Dicts>('/api/v1/dicts').catch((e) => {
    cache = null;
    throw e;
  }));

export function label(
  dicts: Dicts | undefined,
  dict: string,
  code: string | null | undefined,
  lang: 'zh' | 'en',
): string {
  if (!code) return '';
  const e = dicts?.[dict]?.find((x) => x.code === code);
  return e ? (lang === 'en' ? e.labelEn : e.labelZh) : code;
}

export const options = (dicts: Dicts | undefined, dict: string, lang: 'zh' | 'en') =>
  (dicts?.[dict] ?? []).map((e) => ({ value: e.code, label: lang === 'en' ? e.labelEn : e.labelZh }));
