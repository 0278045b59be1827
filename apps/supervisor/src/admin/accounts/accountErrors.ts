import { errorCode, graphQLErrors, useErrorMessage } from "@civicline/ui";
import { useCallback } from "react";
import { ACCOUNT_ERROR_CODES, problemText, useAccountT, type AccountMessageKey } from "./messages.ts";

/** Field problems by field name, and an alert text for anything else, in the page's language. */
export function useAccountErrors(): (error: unknown) => { fields: Record<string, string>; alert: string | undefined } {
  const t = useAccountT();
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      const raw = graphQLErrors(error)[0]?.extensions?.fields;
      const fields: Record<string, string> = {};
      if (code === "BAD_USER_INPUT" && Array.isArray(raw)) {
        for (const entry of raw as Array<{ field: string; code?: string; message: string }>) {
          fields[entry.field] ??= problemText(t, entry);
        }
        return { fields, alert: undefined };
      }
      if (code && ACCOUNT_ERROR_CODES.includes(code)) {
        return { fields, alert: t(`sa.error.${code}` as AccountMessageKey) };
      }
      return { fields, alert: errorMessage(error) };
    },
    [t, errorMessage],
  );
}
