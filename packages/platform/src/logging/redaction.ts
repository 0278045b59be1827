import { pino } from "pino";
import { maskPhone } from "../text.js";

/**
 * The one list of what civicline never writes to a log in clear, and the functions every logger
 * applies it with (createLogger's serializers, formatter and message hook; the gateway's HTTP log).
 */

/** What a redacted value is replaced with. */
export const REDACTED = "[redacted]";

/** Header names (lower case) whose values are credentials: request and response. */
export const SECRET_HEADERS: readonly string[] = [
  "cookie",
  "set-cookie",
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "api-key",
  "x-auth-token",
  "x-access-token",
  "x-csrf-token",
  "x-tracking-access",
];

/**
 * Field and parameter names whose values are secrets or personal data, compared after lower-casing
 * and dropping `_`, `-` and spaces (`api_key`, `apiKey` and `x-api-key` are one entry). Headers,
 * query strings, bodies and logged objects all go through this list.
 */
export const SENSITIVE_FIELDS = {
  /** Credentials: replaced by [redacted]. */
  secrets: [
    "cookie",
    "setcookie",
    "authorization",
    "proxyauthorization",
    "apikey",
    "xapikey",
    "password",
    "passwd",
    "newpassword",
    "oldpassword",
    "currentpassword",
    "secret",
    "clientsecret",
    "token",
    "accesstoken",
    "refreshtoken",
    "sessiontoken",
    "idtoken",
    "uploadkey",
    "xtrackingaccess",
    "trackingaccess",
  ],
  /** One-time codes (SMS sign-in codes): replaced by [redacted]. `code` itself only when it has a code's shape. */
  oneTimeCodes: ["otp", "otpcode", "onetimecode", "verificationcode", "smscode", "trackingcode", "captcha"],
  /** Phone numbers: masked (138****5678). */
  phones: ["phone", "phonenumber", "mobile", "mobilephone", "tel", "telephone", "callerphone", "contactphone"],
  /** Identity numbers (18-digit resident ID and the like): replaced by [redacted]. */
  idNumbers: ["idnumber", "idcard", "idcardnumber", "identitynumber", "residentid", "citizenid", "passport", "passportnumber"],
  /** A citizen's name, contact and own words: replaced by [redacted]. */
  personal: [
    "firstname",
    "lastname",
    "fullname",
    "realname",
    "callername",
    "citizenname",
    "contactname",
    "reportername",
    "email",
    "citizenemail",
    "description",
    "text",
    "body",
    "content",
    "address",
    "addressstring",
    "deviceid",
    "accountid",
    "variables",
    "parameters",
  ],
} as const;

/** Substrings that make any field name a secret (`adminPassword`, `portalAccessToken`, `x-session-token`). */
const SECRET_SUBSTRINGS = ["password", "secret", "token", "apikey", "cookie", "authorization"];
/** Substrings that make any field name a phone number (`citizenPhone`, `mobileNumber`). */
const PHONE_SUBSTRINGS = ["phone", "mobile"];
/** Query parameters whose values are kept in a logged URL: they say what was asked, nothing about who. */
export const HARMLESS_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  "jurisdiction_id",
  "service_code",
  "service_request_id",
  "status",
  "start_date",
  "end_date",
  "locale",
  "limit",
  "offset",
]);
/** A one-time code's shape: `code` fields holding it are redacted (error codes such as 23505 are not). */
const ONE_TIME_CODE = /^\d{6}$/;
const URL_FIELDS = new Set(["url", "originalurl", "href", "location", "referer", "referrer"]);

const secretNames = new Set<string>([...SENSITIVE_FIELDS.secrets, ...SENSITIVE_FIELDS.oneTimeCodes, ...SENSITIVE_FIELDS.idNumbers, ...SENSITIVE_FIELDS.personal]);
const phoneNames = new Set<string>(SENSITIVE_FIELDS.phones);

/** What the list says about a field: keep it, redact it, or mask it as a phone number. */
export type FieldTreatment = "keep" | "redact" | "phone";

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

/** How a field, header or parameter named `name` is logged. */
export function treatmentOf(name: string): FieldTreatment {
  const key = normalizeName(name);
  if (secretNames.has(key) || SECRET_SUBSTRINGS.some((part) => key.includes(part))) {
    return "redact";
  }
  if (phoneNames.has(key) || PHONE_SUBSTRINGS.some((part) => key.includes(part))) {
    return "phone";
  }
  return "keep";
}

// Chinese resident ID: 6-digit area, birth date 18xx–20xx, 3-digit sequence, check digit or X.
const ID_NUMBER = String.raw`[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]`;
// Mainland mobile, optionally +86, optionally spaced or hyphenated 3-4-4.
const MOBILE = String.raw`(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}`;
// Landline with an area code: 0533-1234567.
const LANDLINE = String.raw`0\d{2,3}-\d{7,8}`;
const PERSONAL_NUMBER = new RegExp(String.raw`(?<![\dA-Za-z])(?:(${ID_NUMBER})|(${MOBILE})|(${LANDLINE}))(?![\dA-Za-z])`, "g");
const MAYBE_NUMBER = /\d{7}|\d[\s-]\d{4}[\s-]\d{4}/;
/** A whole value that is a phone number (digits with the usual separators), not already masked. */
const PHONE_SHAPED = /^[\d\s()+-]{7,}$/;

/** Masks a phone number for a log: the first three and last four digits stay (+86 138 1234 5678 → 138****5678). */
export function maskPhoneForLog(phone: string): string {
  return maskPhone(phone.replace(/^\s*\+?86[\s-]?(?=1)/, ""));
}

/** Masks phone numbers and resident ID numbers inside free text (log messages, error details). */
export function scrubText(text: string): string {
  if (!MAYBE_NUMBER.test(text)) {
    return text;
  }
  return text.replace(PERSONAL_NUMBER, (match, id: string | undefined) => (id ? `${match.slice(0, 3)}***********${match.slice(-4)}` : maskPhoneForLog(match)));
}

/** A URL as it may be logged: the path, and each query parameter's name with its value redacted unless harmless. */
export function redactUrl(url: string): string {
  const question = url.indexOf("?");
  if (question < 0) {
    return scrubText(url);
  }
  const hash = url.indexOf("#", question);
  const query = url.slice(question + 1, hash < 0 ? undefined : hash);
  const parts = query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const equals = part.indexOf("=");
      const rawName = equals < 0 ? part : part.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, " "));
      } catch {
        // a malformed escape: keep the name as sent
      }
      if (equals < 0) {
        return rawName;
      }
      return HARMLESS_QUERY_PARAMETERS.has(name) ? scrubText(part) : `${rawName}=${REDACTED}`;
    });
  return `${scrubText(url.slice(0, question))}?${parts.join("&")}`;
}

/** A parsed query (Express `req.query`) with the values of all but harmless parameters redacted. */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== "object") {
    return query;
  }
  return Object.fromEntries(
    Object.entries(query as Record<string, unknown>).map(([name, value]) => [name, HARMLESS_QUERY_PARAMETERS.has(name) ? scrubValue(value) : REDACTED]),
  );
}

/** HTTP headers with credentials redacted and phone/ID numbers masked in the rest. */
export function redactHeaders(headers: unknown): unknown {
  if (!headers || typeof headers !== "object") {
    return headers;
  }
  return Object.fromEntries(
    Object.entries(headers as Record<string, unknown>).map(([name, value]) => [
      name,
      SECRET_HEADERS.includes(name.toLowerCase()) ? REDACTED : scrubField(name, value, 2),
    ]),
  );
}

const MAX_DEPTH = 8;

function scrubField(name: string, value: unknown, depth: number): unknown {
  if (value === null || value === undefined) {
    return value;
  }
  const treatment = treatmentOf(name);
  if (treatment === "redact" || (normalizeName(name) === "code" && typeof value === "string" && ONE_TIME_CODE.test(value))) {
    return REDACTED;
  }
  if (treatment === "phone" && (typeof value === "string" || typeof value === "number")) {
    const text = String(value);
    return PHONE_SHAPED.test(text) ? maskPhoneForLog(text) : scrubText(text);
  }
  if (typeof value === "string" && URL_FIELDS.has(normalizeName(name))) {
    return redactUrl(value);
  }
  return scrubValue(value, depth);
}

/**
 * A copy of a logged value with the list applied: sensitive fields redacted or masked by name, phone
 * and ID numbers masked in every string. Walks objects and arrays 8 levels deep as JSON would print
 * them (own enumerable fields; values with `toJSON`, such as dates, as they are); errors are
 * serialized by pino's error serializer first.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    return scrubText(value);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  if (depth >= MAX_DEPTH) {
    return "[too deep to log]";
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrubValue(item, depth + 1));
  }
  if (value instanceof Error) {
    return scrubValue(pino.stdSerializers.err(value), depth);
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return value;
  }
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    copy[name] = scrubField(name, field, depth + 1);
  }
  return copy;
}

/** Applies the list to a log line's fields, leaving `skip` (fields that have their own serializer) alone. */
export function scrubLogFields(fields: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    copy[name] = skip.has(name) ? value : scrubField(name, value, 1);
  }
  return copy;
}
