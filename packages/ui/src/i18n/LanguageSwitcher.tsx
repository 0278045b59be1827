import { useId } from "react";
import { useLanguage, useT } from "./I18nProvider.tsx";
import { isLanguage, LANGUAGE_NATIVE_NAMES, LANGUAGES } from "./languages.ts";

/** A labelled <select> between 中文 and English; each option is named in its own language. */
export function LanguageSwitcher() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t("layout.language")}
      </label>
      <select
        id={id}
        data-testid="language-switcher"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) {
            setLanguage(event.target.value);
          }
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NATIVE_NAMES[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
