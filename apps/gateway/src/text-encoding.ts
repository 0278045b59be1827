import type { IncomingMessage } from "node:http";
import { TextDecoder } from "node:util";
import type { RequestHandler } from "express";

/** The code clients see when a request's text is not valid UTF-8. */
export const INVALID_UTF8 = "INVALID_UTF8";
/** What a person reads when a request's text is not valid UTF-8. */
export const INVALID_UTF8_MESSAGE =
  "The request contains text that is not valid UTF-8 (a broken character, or text in another character set); nothing was saved. Send the text encoded as UTF-8.";

/** A request whose text cannot be stored as sent: refused with 400 instead of saved with U+FFFD. */
export class InvalidTextError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = "encoding.invalid";

  constructor() {
    super(INVALID_UTF8_MESSAGE);
    this.name = "InvalidTextError";
  }
}

/** The strict decoder for a body's charset; null when this runtime does not know the charset. */
function strictDecoder(charset: string): TextDecoder | null {
  try {
    return new TextDecoder(charset || "utf-8", { fatal: true });
  } catch {
    return null;
  }
}

/**
 * `verify` for express.json / express.text: refuses a body whose bytes are not valid in its charset
 * (UTF-8 unless the Content-Type names another), which body-parser would otherwise turn into U+FFFD.
 */
export function verifyBodyText(_req: IncomingMessage, _res: unknown, body: Buffer, charset: string): void {
  try {
    strictDecoder(charset)?.decode(body);
  } catch {
    throw new InvalidTextError();
  }
}

const LONE_SURROGATE = /\p{Cs}/u;

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") {
    return LONE_SURROGATE.test(value);
  }
  if (Array.isArray(value)) {
    return value.some(hasLoneSurrogate);
  }
  if (value && typeof value === "object") {
    return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));
  }
  return false;
}

/** After express.json: refuses a JSON string escaping half a surrogate pair (`"\ud800"`), which has no UTF-8 form. */
export const refuseLoneSurrogates: RequestHandler = (req, _res, next) => {
  next(hasLoneSurrogate(req.body) ? new InvalidTextError() : undefined);
};

/**
 * Whether URL-encoded text (a query string or form body) percent-encodes bytes that are not valid
 * UTF-8 (`%FF`, `%ED%A0%80`): URLSearchParams would read them as U+FFFD. A lone `%` is left alone.
 */
export function hasInvalidPercentEncoding(text: string): boolean {
  try {
    text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => decodeURIComponent(run));
    return false;
  } catch {
    return true;
  }
}
