import { DomainError } from "@civicline/platform";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from "type-graphql";

const SUGGESTION = /\s*(Did you mean[^?]*\?|\[Suggestion hidden\]\??)/g;

/** Codes that graphql-js and Apollo give to errors in the request itself (safe to pass on). */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/**
 * The one place that turns errors into what clients see: domain errors keep their code, message and
 * field list; request errors keep their message minus "did you mean" hints; anything else becomes
 * INTERNAL_SERVER_ERROR with the request id, and is logged in full here, never sent.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: Logger,
  requestId?: string,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors;
    return { ...base, message: "Some fields are invalid.", extensions: { code: "BAD_USER_INPUT", fields } };
  }
  if (original instanceof AuthenticationError) {
    return { ...base, message: "Please log in to do this.", extensions: { code: "UNAUTHENTICATED" } };
  }
  if (original instanceof AuthorizationError) {
    return { ...base, message: "You are not allowed to do this.", extensions: { code: "FORBIDDEN" } };
  }
  const code = String(formatted.extensions?.code ?? "");
  if (REQUEST_ERROR_CODES.has(code) || (original instanceof GraphQLError && !original.originalError && !formatted.path)) {
    const fields = Array.isArray(formatted.extensions?.fields) ? { fields: formatted.extensions.fields } : {};
    return { ...base, message: formatted.message.replace(SUGGESTION, ""), extensions: { code: code || "GRAPHQL_VALIDATION_FAILED", ...fields } };
  }
  log.error({ err: original, requestId, path: formatted.path }, "unexpected error in a GraphQL request");
  return {
    ...base,
    message: `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${requestId ?? "unknown"}.`,
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
  };
}
