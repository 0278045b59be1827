import { CombinedGraphQLErrors } from "@apollo/client/errors";
import type { GraphQLFormattedError } from "graphql";
import { useCallback } from "react";
import { useT } from "./i18n/I18nProvider.tsx";
import type { UiMessageKey } from "./i18n/messages.ts";

/** Error codes the gateway puts in `extensions.code`. */
export const KNOWN_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "AUTH/INVALID_CREDENTIALS",
  "INTAKE/TICKET_NOT_FOUND",
  "INTAKE/UNKNOWN_CATEGORY",
  "INTAKE/UNKNOWN_AREA",
  "INTAKE/REQUEST_TYPE_NOT_ALLOWED",
  "RATE_LIMITED",
  "INTERNAL_SERVER_ERROR",
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/** Code used when no GraphQL error came back (fetch failed, socket closed, HTTP 5xx). */
export const NETWORK_ERROR = "NETWORK";

/** The GraphQL errors inside an Apollo error, or none for network failures. */
export function graphQLErrors(error: unknown): readonly GraphQLFormattedError[] {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

/** `extensions.code` of the first GraphQL error; `NETWORK` when the request never got an answer. */
export function errorCode(error: unknown): string | undefined {
  if (!error) {
    return undefined;
  }
  const [first] = graphQLErrors(error);
  if (!first) {
    return NETWORK_ERROR;
  }
  const code = first.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** One entry of `extensions.fields`; `code` is stable (REQUIRED, TOO_LONG, INVALID_FORMAT, UNKNOWN …). */
export type ServerFieldError = { field: string; message: string; code?: string };

function isFieldError(value: unknown): value is ServerFieldError {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return typeof candidate.field === "string" && typeof candidate.message === "string";
}

/**
 * Field messages from `BAD_USER_INPUT` errors (`extensions.fields: [{ field, message }]`),
 * keyed by input field name. The first message for a field wins; malformed entries are skipped.
 * `codes` adds domain codes that also carry `fields` (e.g. `INTAKE/MISSING_EXTRA_FIELD`).
 */
export function fieldErrors(
  error: unknown,
  localize?: (entry: ServerFieldError) => string | undefined,
  codes: readonly string[] = ["BAD_USER_INPUT"],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const gqlError of graphQLErrors(error)) {
    const code = gqlError.extensions?.code;
    if (typeof code !== "string" || !codes.includes(code)) {
      continue;
    }
    const fields = gqlError.extensions?.fields;
    if (!Array.isArray(fields)) {
      continue;
    }
    for (const entry of fields) {
      if (isFieldError(entry) && !(entry.field in result)) {
        result[entry.field] = localize?.(entry) ?? entry.message;
      }
    }
  }
  return result;
}

function isKnownCode(code: string): code is KnownErrorCode {
  return (KNOWN_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Returns `(error) => message` in the UI language: known codes get our wording, an unknown code
 * falls back to the server's message, and a network failure gets a connection hint.
 */
export function useErrorMessage(): (error: unknown) => string | undefined {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      if (code === undefined) {
        return error ? (graphQLErrors(error)[0]?.message ?? t("error.UNKNOWN")) : undefined;
      }
      if (code === NETWORK_ERROR) {
        return t("error.NETWORK");
      }
      if (isKnownCode(code)) {
        return t(`error.${code}` satisfies UiMessageKey);
      }
      return graphQLErrors(error)[0]?.message || t("error.UNKNOWN");
    },
    [t],
  );
}

const FIELD_CODES = ["REQUIRED", "TOO_SHORT", "TOO_LONG", "INVALID_FORMAT", "INVALID_CHARACTERS", "UNKNOWN"] as const;

/**
 * `fieldErrors` worded in the UI language by each field's `code`, the server's English as fallback.
 * `extraCodes`: error codes besides BAD_USER_INPUT whose `extensions.fields` belong on fields.
 */
export function useFieldErrors(extraCodes: readonly string[] = []): (error: unknown) => Record<string, string> {
  const t = useT();
  const codes = extraCodes.join("\n");
  return useCallback(
    (error: unknown) =>
      fieldErrors(
        error,
        (entry) =>
          entry.code && (FIELD_CODES as readonly string[]).includes(entry.code) ? t(`field.${entry.code}` as UiMessageKey) : undefined,
        ["BAD_USER_INPUT", ...(codes ? codes.split("\n") : [])],
      ),
    [t, codes],
  );
}
