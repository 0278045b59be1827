import { errorCode, useRoutingErrorMessage } from "@civicline/ui";
import { useCallback } from "react";
import { supervisorCallbackMessages, useSupervisorCallbackT, type SupervisorCallbackKey } from "./messages.ts";

/** `(error) => message` in the UI language: callback codes first, then routing and the shared wording. */
export function useCallbackErrorMessage(): (error: unknown) => string | undefined {
  const t = useSupervisorCallbackT();
  const shared = useRoutingErrorMessage();
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      const key = `sc.error.${code ?? ""}`;
      return key in supervisorCallbackMessages.en ? t(key as SupervisorCallbackKey) : shared(error);
    },
    [t, shared],
  );
}
