import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "@civicline/platform";
import Negotiator from "negotiator";

const JSON_TYPE = "application/json";
const GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json";
/** Errors in a well-formed request that the document itself caused. */
const DOCUMENT_ERRORS = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/** The media type Apollo answers with, chosen as Apollo does (no `accept` means application/json). */
export function responseMediaType(accept: string | undefined): string | undefined {
  if (!accept) {
    return JSON_TYPE;
  }
  return new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]);
}

/**
 * GraphQL over HTTP: a document that does not parse, validate or whose variables do not coerce is
 * the client's error, 400 with `application/graphql-response+json`; a client that only takes the
 * legacy `application/json` gets 200 with `errors` instead (the spec's SHOULD, for old clients that
 * treat any 4xx as a network failure).
 */
export const documentErrorStatusPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ request }) {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || response.http.status !== 400) {
          return;
        }
        const { errors, data } = response.body.singleResult;
        const documentError = data === undefined && !!errors?.length && errors.every((error) => DOCUMENT_ERRORS.has(String(error.extensions?.code)));
        if (documentError && responseMediaType(request.http?.headers.get("accept")) === JSON_TYPE) {
          response.http.status = 200;
        }
      },
    };
  },
};
