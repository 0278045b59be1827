import { IncomingMessage, ServerResponse } from "node:http";
import { pino } from "pino";
import { redactHeaders, redactQuery, redactUrl, scrubValue, SECRET_HEADERS } from "./redaction.js";

type SerializedRequest = {
  id?: unknown;
  method?: unknown;
  url?: unknown;
  query?: unknown;
  params?: unknown;
  headers?: unknown;
  remoteAddress?: unknown;
  remotePort?: unknown;
};
type SerializedResponse = { statusCode?: unknown; headers?: unknown };

/**
 * An HTTP request as it may be logged: method, path with query values redacted, parameter names,
 * headers without credentials. Takes a raw request or one pino's serializer already made (pino-http).
 */
export function serializeRequest(req: unknown): unknown {
  if (!req || typeof req !== "object") {
    return req;
  }
  const base = (req instanceof IncomingMessage ? pino.stdSerializers.req(req) : req) as SerializedRequest;
  return {
    id: base.id,
    method: base.method,
    url: typeof base.url === "string" ? redactUrl(base.url) : base.url,
    query: redactQuery(base.query),
    params: scrubValue(base.params, 1),
    headers: redactHeaders(base.headers),
    remoteAddress: base.remoteAddress,
    remotePort: base.remotePort,
  };
}

/** An HTTP response as it may be logged: the status and the headers without `Set-Cookie`. */
export function serializeResponse(res: unknown): unknown {
  if (!res || typeof res !== "object") {
    return res;
  }
  const base = (res instanceof ServerResponse ? pino.stdSerializers.res(res) : res) as SerializedResponse;
  return { statusCode: base.statusCode, headers: redactHeaders(base.headers) };
}

/** An error as it may be logged: pino's error serializer, then the redaction list (SQL parameters, phone numbers in messages). */
export function serializeError(err: unknown): unknown {
  return scrubValue(err instanceof Error ? pino.stdSerializers.err(err) : err);
}

/** The serializers every civicline logger uses, also given to pino-http. */
export const logSerializers = { req: serializeRequest, res: serializeResponse, err: serializeError };

/** pino `redact` paths: a last guard for credential headers should a request be logged without these serializers. */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_HEADERS.flatMap((name) => [`req.headers["${name}"]`, `res.headers["${name}"]`, `headers["${name}"]`]),
  "password",
  "*.password",
  "token",
  "*.token",
];
