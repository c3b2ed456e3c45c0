'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { MESSAGES, type TLanguage, type TMessageKey } from './messages';

const COOKIE = 'enkat_lang';

export type TI18n = { language: TLanguage; t: (key: TMessageKey) => string; toggleLanguage: () => void };

const I18nContext = createContext<TI18n>({
  language: 'sv',
  t: (key) => MESSAGES.sv[key],
  toggleLanguage: () => {},
});

/** The administration's language: Swedish unless the administrator chose English (a cookie). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<TLanguage>('sv');
  useEffect(() => {
    if (document.cookie.split('; ').includes(`${COOKIE}=en`)) setLanguage('en');
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const toggleLanguage = useCallback(() => {
    const next = language === 'sv' ? 'en' : 'sv';
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from older browsers.
    document.cookie = `${COOKIE}=${next}; path=/admin; max-age=31536000; samesite=lax`;
    setLanguage(next);
  }, [language]);
  const t = useCallback((key: TMessageKey) => MESSAGES[language][key], [language]);
  return <I18nContext.Provider value={{ language, t, toggleLanguage }}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  return useContext(I18nContext);
}
