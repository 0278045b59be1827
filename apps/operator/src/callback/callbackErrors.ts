import { errorCode, useRoutingErrorMessage } from "@civicline/ui";
import { useCallback } from "react";
import { callbackMessages, useCallbackT, type CallbackMessageKey } from "./messages.ts";

function isCallbackCode(code: string | undefined): code is string {
  return code !== undefined && `cb.error.${code}` in callbackMessages.en;
}

/** `(error) => message` in the UI language: callback codes first, then routing and the shared wording. */
export function useCallbackErrorMessage(): (error: unknown) => string | undefined {
  const t = useCallbackT();
  const shared = useRoutingErrorMessage();
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      return isCallbackCode(code) ? t(`cb.error.${code}` as CallbackMessageKey) : shared(error);
    },
    [t, shared],
  );
}
