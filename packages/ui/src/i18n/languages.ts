/** The languages every civicline app ships in. */
export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key that remembers the user's explicit choice. */
export const LANGUAGE_STORAGE_KEY = "civicline.language";

export const LANGUAGE_NATIVE_NAMES: Record<Language, string> = { "zh-CN": "中文", en: "English" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the first browser language we can serve: any `zh*` → zh-CN, any `en*` → en.
 * Falls back to English when none matches.
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) {
      return "zh-CN";
    }
    if (lower.startsWith("en")) {
      return "en";
    }
  }
  return "en";
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The stored choice if any, else detection from `navigator.languages`. */
export function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) {
    return stored;
  }
  const nav = typeof navigator === "undefined" ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return detectLanguage(nav.filter(Boolean));
}

/** Remembers the choice; private browsing may forbid storage, which is harmless. */
export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}
