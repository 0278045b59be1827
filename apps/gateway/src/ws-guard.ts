import type { IncomingMessage } from "node:http";
import { GraphQLError, parse, validate, type ExecutionArgs, type GraphQLSchema } from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { allValidationRules, type GraphQLProtection } from "./graphql-limits.js";
import { unstorableInputError } from "./input-text.js";

const SUGGESTION = /\s*(Did you mean[^?]*\?|\[Suggestion hidden\]\??)/g;
const DEV_PORTS = [5173, 5174, 5175];

/**
 * Parses and validates a WebSocket operation exactly as HTTP does (token limit while parsing, then
 * graphql's rules, depth, aliases, cost, directives, no introspection outside development; no text that
 * cannot be stored, see input-text.ts). Errors
 * go back to the client as a coded `error` message; the socket stays open.
 */
export function prepareSocketOperation(options: {
  schema: GraphQLSchema;
  protection: GraphQLProtection;
  payload: SubscribePayload;
}): Omit<ExecutionArgs, "contextValue"> | GraphQLError[] {
  const { payload } = options;
  let document;
  try {
    document = parse(payload.query, options.protection.parseOptions);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : "The operation could not be parsed.";
    return [new GraphQLError(message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } })];
  }
  const errors = validate(options.schema, document, allValidationRules(options.protection));
  if (errors.length > 0) {
    return errors.map(
      (error) => new GraphQLError(error.message.replace(SUGGESTION, ""), { nodes: error.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    );
  }
  const unstorable = unstorableInputError(document, payload.operationName, payload.variables);
  if (unstorable) {
    return [unstorable];
  }
  return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
}

/** The origins a browser may open the socket from, besides the gateway's own host. */
export function socketOrigins(options: { allowedOrigins: readonly string[]; publicBaseUrl: string; development: boolean }): Set<string> {
  const origins = new Set(options.allowedOrigins);
  origins.add(new URL(options.publicBaseUrl).origin);
  if (options.development) {
    for (const port of DEV_PORTS) {
      origins.add(`http://localhost:${port}`);
      origins.add(`http://127.0.0.1:${port}`);
    }
  }
  return origins;
}

/**
 * Whether a WebSocket upgrade may proceed. Browsers always send `Origin`: it must be the gateway's
 * own host or a listed origin (cross-site WebSocket hijacking rides on the victim's cookie). A
 * request without `Origin` is not from a browser page, carries no ambient cookie of a victim, and
 * must authenticate itself like any HTTP client (CLI tools, integrators): it is accepted.
 */
export function socketOriginAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    return true;
  }
  if (allowed.has(origin)) {
    return true;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host !== "" && host === request.headers.host;
}
