import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nProvider } from "../../i18n/I18nProvider.tsx";
import type { Language } from "../../i18n/languages.ts";

export function renderIn(ui: ReactNode, language: Language = "en") {
  return render(<I18nProvider language={language}>{ui}</I18nProvider>);
}
