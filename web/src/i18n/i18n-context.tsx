import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useState } from 'react';
import { en } from './en';
import { esMX, type Messages } from './es-mx';
import type { Language } from './language';
import { followPageTitle } from '../components/follow-page-title';

export type { Language };

const STORAGE_KEY = 'sla.language';
const DICTIONARIES: Record<Language, Messages> = { 'es-MX': esMX, en };

/**
 * The language this device last showed on purpose: the switch, or the account of the last login.
 * It wins over a suggestion (an emailed link's language), not over a login.
 */
function storedLanguage(): Language | undefined {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'es-MX' || value === 'en' ? value : undefined;
}

function languageOf(locale: 'ES_MX' | 'EN'): Language {
  return locale === 'EN' ? 'en' : 'es-MX';
}

interface I18n {
  readonly language: Language;
  readonly t: Messages;
  /** Chosen on the switch: remembered on this device. */
  choose: (language: Language) => void;
  /** A suggested locale (an emailed link's, a stored session's): used unless one is remembered. */
  adoptAccountLocale: (locale: 'ES_MX' | 'EN') => void;
  /**
   * The locale of the account that just logged in: shown, and remembered on this device in place
   * of an earlier choice (a switch clicked while logged out changed only the login page).
   */
  followAccountLocale: (locale: 'ES_MX' | 'EN') => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => storedLanguage() ?? 'es-MX');

  useEffect(() => {
    document.documentElement.lang = language;
    return followPageTitle(DICTIONARIES[language].appName);
  }, [language]);

  const choose = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguage(next);
  }, []);
  const adoptAccountLocale = useCallback((locale: 'ES_MX' | 'EN') => {
    if (!storedLanguage()) setLanguage(languageOf(locale));
  }, []);
  const followAccountLocale = useCallback(
    (locale: 'ES_MX' | 'EN') => choose(languageOf(locale)),
    [choose],
  );

  const value = useMemo(
    () => ({
      language,
      t: DICTIONARIES[language],
      choose,
      adoptAccountLocale,
      followAccountLocale,
    }),
    [language, choose, adoptAccountLocale, followAccountLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
