import { useMemo } from "react";
import { enumLabel, type EnumName } from "./enums.ts";
import { formatDateTime, localizedName, type Named } from "./format.ts";
import { useLanguage } from "./I18nProvider.tsx";

/** Language-aware formatters for enum values, names and times. */
export type Formatters = {
  requestType: (value: string) => string;
  status: (value: string) => string;
  channel: (value: string) => string;
  urgency: (value: string) => string;
  role: (value: string) => string;
  enumValue: (name: EnumName, value: string) => string;
  name: (item: Named) => string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
};

export function useFormat(): Formatters {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      requestType: (v) => enumLabel(language, "RequestType", v),
      status: (v) => enumLabel(language, "TicketStatus", v),
      channel: (v) => enumLabel(language, "Channel", v),
      urgency: (v) => enumLabel(language, "Urgency", v),
      role: (v) => enumLabel(language, "Role", v),
      enumValue: (name, v) => enumLabel(language, name, v),
      name: (item) => localizedName(item, language),
      dateTime: (iso) => formatDateTime(iso, language),
      date: (iso) => formatDateTime(iso, language, false),
    }),
    [language],
  );
}
