// Chinese first, English on a switch: every visible text is written as t('中文', 'English') where it is used.
import { createContext, useContext, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';
interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(zh: string, en: string): string;
}

const Ctx = createContext<I18n>({ lang: 'zh', setLang: () => {}, t: (zh) => zh });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('mj_lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('mj_lang', l);
    setLangState(l);
  };
  return <Ctx.Provider value={{ lang, setLang, t: (zh, en) => (lang === 'en' ? en : zh) }}>{children}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);

/** The server's bilingual error, in the current language. */
export function errorText(e: unknown, lang: Lang): string {
  const err = e as { messageZh?: string; messageEn?: string; message?: string };
  return (lang === 'en' ? err.messageEn : err.messageZh) ?? err.message ?? String(e);
}
