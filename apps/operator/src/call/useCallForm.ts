import type { RequestType } from "@civicline/ui";
import { useCallback, useState } from "react";
import { CALLER_ORDER, defaultPrivacy, emptyCall, FIELD_ORDER, type CallErrors, type CallStart, type CallValues } from "./callForm.ts";
import type { CategoryField } from "./categories.ts";

/** Error keys in the order their controls appear, unknown keys last. */
export function orderedErrorKeys(errors: CallErrors, fields: readonly CategoryField[]): string[] {
  const [requestType, categoryId, ...location] = FIELD_ORDER;
  const order: string[] = [requestType, categoryId, ...fields.map((f) => `extraFields.${f.key}`), ...location, ...CALLER_ORDER];
  const known = order.filter((key) => errors[key]);
  const rest = Object.keys(errors).filter((key) => !order.includes(key) && errors[key]);
  return [...known, ...rest];
}

/** The call form's values and errors. Changing a value clears its error; REPORT makes the call confidential. */
export function useCallForm(start: CallStart, restored?: CallValues | null) {
  const [values, setValues] = useState<CallValues>(() => restored ?? emptyCall(start));
  const [errors, setErrors] = useState<CallErrors>({});
  const [general, setGeneral] = useState<readonly string[]>([]);
  const [privacyTouched, setPrivacyTouched] = useState(false);
  /** Bumped when an attempt failed and the error summary should take focus. */
  const [attempt, setAttempt] = useState(0);

  const clear = useCallback((keys: readonly string[]) => {
    setErrors((prev) => {
      if (!keys.some((key) => prev[key])) {
        return prev;
      }
      const next = { ...prev };
      keys.forEach((key) => delete next[key]);
      return next;
    });
  }, []);

  const set = useCallback(
    (patch: Partial<Omit<CallValues, "extra">>) => {
      setValues((prev) => ({ ...prev, ...patch }));
      clear(Object.keys(patch));
    },
    [clear],
  );

  return {
    values,
    errors,
    general,
    set,
    setRequestType: (requestType: RequestType | "") =>
      set(privacyTouched ? { requestType } : { requestType, privacy: defaultPrivacy(requestType) }),
    setPrivacy: (privacy: CallValues["privacy"]) => {
      setPrivacyTouched(true);
      set({ privacy });
    },
    setExtra: (key: string, value: string) => {
      setValues((prev) => ({ ...prev, extra: { ...prev.extra, [key]: value } }));
      clear([`extraFields.${key}`]);
    },
    attempt,
    /** After a successful save or action: the messages of earlier attempts no longer apply. */
    clearMessages: () => {
      setErrors({});
      setGeneral([]);
    },
    showErrors: (fieldErrors: CallErrors, other: readonly string[] = [], focusSummary = true) => {
      setErrors(fieldErrors);
      setGeneral(other);
      if (focusSummary) {
        setAttempt((n) => n + 1);
      }
    },
  };
}
