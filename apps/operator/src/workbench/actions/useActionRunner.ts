import { useFieldErrors, useRoutingErrorMessage } from "@civicline/ui";
import { useCallback, useState } from "react";

/** Lists a routing action changes besides the assignment it answers with (kept fresh by name). */
export const ACTION_REFETCH = ["UnitInbox"];

/**
 * Runs one mutation at a time for an action form: busy while it runs, the error in the UI language
 * afterwards, and field messages from BAD_USER_INPUT (`text` matches `text` and `input.text`).
 */
export function useActionRunner() {
  const errorMessage = useRoutingErrorMessage();
  const toFieldErrors = useFieldErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const run = useCallback(
    async (mutate: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setFields({});
      try {
        await mutate();
        return true;
      } catch (caught) {
        setFields(toFieldErrors(caught));
        setError(errorMessage(caught) ?? null);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [errorMessage, toFieldErrors],
  );

  const fieldError = (name: string): string | undefined => fields[name] ?? fields[`input.${name}`];
  /** Forgets a field's server message once the field is changed (it no longer describes the value). */
  const clearField = useCallback((name: string) => {
    setFields((prev) => {
      if (!(name in prev) && !(`input.${name}` in prev)) {
        return prev;
      }
      const next = { ...prev };
      delete next[name];
      delete next[`input.${name}`];
      return next;
    });
  }, []);
  return { run, busy, error, fieldError, clearField };
}
