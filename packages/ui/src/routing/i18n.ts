import { useCallback } from "react";
import { errorCode, useErrorMessage } from "../errors.ts";
import { interpolate, lookup, type Catalog, type MessageVars } from "../i18n/catalog.ts";
import { useLanguage, type Translate } from "../i18n/I18nProvider.tsx";
import { uiMessages } from "../i18n/messages.ts";
import { routingMessages, type RoutingMessageKey } from "./messages.ts";

const SHARED: readonly Catalog<string>[] = [routingMessages, uiMessages];

/**
 * `t()` for routing screens: the screen's own catalog (`extra`, optional) first, then the shared
 * routing and UI wording. Needs no registration with the app's I18nProvider.
 */
export function useRoutingT<K extends string = never>(extra?: Catalog<K>): Translate<K | RoutingMessageKey> {
  const { language } = useLanguage();
  return useCallback(
    (key: string, vars?: MessageVars) => interpolate(lookup(extra ? [extra, ...SHARED] : SHARED, language, key), vars),
    [language, extra],
  );
}

/** Error codes of the routing domain (and CONFLICT) that get routing wording. */
export const ROUTING_ERROR_CODES = [
  "CONFLICT",
  "ROUTING/UNIT_NOT_FOUND",
  "ROUTING/NOT_YOUR_UNIT",
  "ROUTING/ALREADY_SIGNED",
  "ROUTING/EXTENSION_ALREADY_REQUESTED",
  "ROUTING/ASSIGNMENT_NOT_FOUND",
  "ROUTING/INVALID_STATE",
  "ROUTING/ASSIST_INPUT_PENDING",
  "ROUTING/RULE_NOT_FOUND",
  "ROUTING/JOINT_DECISION_FINAL",
] as const;
export type RoutingErrorCode = (typeof ROUTING_ERROR_CODES)[number];

export function isRoutingErrorCode(code: string | undefined): code is RoutingErrorCode {
  return code !== undefined && (ROUTING_ERROR_CODES as readonly string[]).includes(code);
}

/** `(error) => message` in the UI language: routing codes first, then the shared error wording. */
export function useRoutingErrorMessage(): (error: unknown) => string | undefined {
  const t = useRoutingT();
  const shared = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      return isRoutingErrorCode(code) ? t(`rt.error.${code}`) : shared(error);
    },
    [t, shared],
  );
}
