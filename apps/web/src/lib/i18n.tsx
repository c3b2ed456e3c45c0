'use client';

import { useRouter } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { MESSAGES, type TLanguage, type TMessageKey } from './messages';

const COOKIE = 'enkat_lang';

export type TI18n = { language: TLanguage; t: (key: TMessageKey) => string; toggleLanguage: () => void };

const I18nContext = createContext<TI18n>({
  language: 'sv',
  t: (key) => MESSAGES.sv[key],
  toggleLanguage: () => {},
});

/**
 * The administration's language: Swedish unless the administrator chose English (a cookie the
 * server reads too, so pages arrive already in the right language). Switching re-renders the
 * server-rendered parts of the page.
 */
export function I18nProvider({ children, initialLanguage }: { children: ReactNode; initialLanguage: TLanguage }) {
  const router = useRouter();
  const [language, setLanguage] = useState<TLanguage>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const toggleLanguage = useCallback(() => {
    const next = language === 'sv' ? 'en' : 'sv';
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from older browsers.
    document.cookie = `${COOKIE}=${next}; path=/admin; max-age=31536000; samesite=lax`;
    setLanguage(next);
    router.refresh();
  }, [language, router]);
  const t = useCallback((key: TMessageKey) => MESSAGES[language][key], [language]);
  return <I18nContext.Provider value={{ language, t, toggleLanguage }}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  return useContext(I18nContext);
}
