import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { interpolate, lookup, type Catalog, type MessageVars } from "./catalog.ts";
import { initialLanguage, storeLanguage, type Language } from "./languages.ts";
import { uiMessages, type UiMessageKey } from "./messages.ts";

type I18nContextValue = {
  language: Language;
  setLanguage: (language: Language) => void;
  catalogs: readonly Catalog<string>[];
};

const I18nContext = createContext<I18nContextValue | null>(null);

export type I18nProviderProps = {
  /** The app's own dictionary; looked up before the shared one. */
  messages?: Catalog<string>;
  /** Overrides detection (tests, server-side hints). */
  language?: Language;
  children: ReactNode;
};

/** Holds the UI language, persists the user's choice and keeps `<html lang>` in step. */
export function I18nProvider({ messages, language: forced, children }: I18nProviderProps) {
  const [language, setLanguageState] = useState<Language>(() => forced ?? initialLanguage());

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18nContextValue>(
    () => ({ language, setLanguage, catalogs: messages ? [messages, uiMessages] : [uiMessages] }),
    [language, setLanguage, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const ctx = useContext(I18nContext);
  if (!ctx) {
    throw new Error("civicline i18n hooks must be used inside <I18nProvider>");
  }
  return ctx;
}

/** A translate function typed to the shared keys plus the app's keys `K`. */
export type Translate<K extends string = never> = (key: UiMessageKey | K, vars?: MessageVars) => string;

/** Returns `t(key, vars)` for the current language. Apps pass their key union: `useT<AppKey>()`. */
export function useT<K extends string = never>(): Translate<K> {
  const { language, catalogs } = useI18nContext();
  return useCallback(
    (key: UiMessageKey | K, vars?: MessageVars) => interpolate(lookup(catalogs, language, key), vars),
    [language, catalogs],
  );
}

/** Current language and its setter. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { language, setLanguage } = useI18nContext();
  return { language, setLanguage };
}

// The formatters (enum labels: the whole enum catalogue) are a module of their own, so that a first
// chunk that only translates goes without the catalogue (issue 15).
export { useFormat, type Formatters } from "./useFormat.ts";
