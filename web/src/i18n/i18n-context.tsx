import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useState } from 'react';
import { en } from './en';
import { esMX, type Messages } from './es-mx';

export type Language = 'es-MX' | 'en';

const STORAGE_KEY = 'sla.language';
const DICTIONARIES: Record<Language, Messages> = { 'es-MX': esMX, en };

/** The user's explicit choice on this device, if any (it wins over the account's locale). */
function storedLanguage(): Language | undefined {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'es-MX' || value === 'en' ? value : undefined;
}

interface I18n {
  readonly language: Language;
  readonly t: Messages;
  /** Chosen on the switch: remembered on this device. */
  choose: (language: Language) => void;
  /** The logged-in user's locale: used unless a choice is remembered. */
  adoptAccountLocale: (locale: 'ES_MX' | 'EN') => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => storedLanguage() ?? 'es-MX');

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = DICTIONARIES[language].appName;
  }, [language]);

  const choose = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguage(next);
  }, []);
  const adoptAccountLocale = useCallback((locale: 'ES_MX' | 'EN') => {
    if (!storedLanguage()) setLanguage(locale === 'EN' ? 'en' : 'es-MX');
  }, []);

  const value = useMemo(
    () => ({ language, t: DICTIONARIES[language], choose, adoptAccountLocale }),
    [language, choose, adoptAccountLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
