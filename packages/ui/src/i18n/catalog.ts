import type { Language } from "./languages.ts";

/** Values substituted into `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;

/** One dictionary per language, all with the same keys. */
export type Catalog<K extends string> = Record<Language, Record<K, string>>;

/**
 * Declares a bilingual dictionary. English fixes the key set; the compiler then insists
 * that the Chinese dictionary has exactly the same keys.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zh: Record<keyof E, string>,
): Catalog<Extract<keyof E, string>> {
  return { en, "zh-CN": zh } as Catalog<Extract<keyof E, string>>;
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** Looks a key up in the chosen language, then English, then shows the key itself. */
export function lookup(catalogs: readonly Catalog<string>[], language: Language, key: string): string {
  for (const lang of [language, "en"] as const) {
    for (const catalog of catalogs) {
      const hit = catalog[lang][key];
      if (hit !== undefined) {
        return hit;
      }
    }
  }
  return key;
}
