import type { Request } from "express";
import { hasInvalidPercentEncoding, INVALID_UTF8_MESSAGE } from "../text-encoding.js";
import { Open311Error, type Open311Format } from "./open311-format.js";

/** The language of names and notes: `locale` parameter first, then Accept-Language; Chinese by default. */
export type Open311Locale = "zh" | "en";

/** A resource name split into its id and format: `services.json`, `URBAN.NOISE.xml`. */
export type ResourceName = { id: string; format: Open311Format };

const FORMATS: readonly Open311Format[] = ["json", "xml"];

/**
 * Splits `name.format`. A name without a known extension is JSON when `bareIsJson` says the whole
 * name is an id (service codes contain dots); an unknown extension is refused with 400.
 */
export function parseResourceName(raw: string, bareIsJson: (name: string) => boolean = () => false): ResourceName {
  const dot = raw.lastIndexOf(".");
  const extension = dot >= 0 ? raw.slice(dot + 1).toLowerCase() : "";
  if ((FORMATS as readonly string[]).includes(extension)) {
    return { id: raw.slice(0, dot), format: extension as Open311Format };
  }
  if (dot < 0 || bareIsJson(raw)) {
    return { id: raw, format: "json" };
  }
  throw new Open311Error(400, `The format "${extension.slice(0, 20)}" is not supported: end the URL with .json or .xml.`);
}

/**
 * The request's parameters: the query string, then (for POST) the form body, later values last.
 * Percent-encoded bytes that are not UTF-8 are refused (400), not read as U+FFFD.
 */
export function paramsOf(req: Request): URLSearchParams {
  const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?") + 1) : "";
  const body = typeof req.body === "string" ? req.body : "";
  if (hasInvalidPercentEncoding(query) || hasInvalidPercentEncoding(body)) {
    throw new Open311Error(400, INVALID_UTF8_MESSAGE);
  }
  const params = new URLSearchParams(query);
  if (body.length > 0) {
    for (const [key, value] of new URLSearchParams(body)) {
      params.append(key, value);
    }
  }
  return params;
}

/** The last non-blank value of a parameter ("optional" means blank = absent, per the spec), trimmed. */
export function param(params: URLSearchParams, name: string): string | null {
  const values = params
    .getAll(name)
    .map((value) => value.trim())
    .filter((value) => value !== "");
  return values.at(-1) ?? null;
}

/** A parameter that may be repeated and/or comma-separated, as a list of non-blank values. */
export function listParam(params: URLSearchParams, name: string): string[] | null {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  return values.length > 0 ? values : null;
}

/**
 * `jurisdiction_id` is optional (civicline serves one jurisdiction); when given it must be the
 * configured one, else 404 as the spec says.
 */
export function checkJurisdiction(params: URLSearchParams, jurisdictionId: string): void {
  const given = param(params, "jurisdiction_id");
  if (given !== null && given.toLowerCase() !== jurisdictionId.toLowerCase()) {
    throw new Open311Error(404, "jurisdiction_id provided was not found");
  }
}

function languageOf(tag: string): Open311Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "en") {
    return "en";
  }
  return primary === "zh" ? "zh" : null;
}

/** `locale=en|zh` (also en-US, zh-CN …), else the preferred of English/Chinese in Accept-Language, else Chinese. */
export function localeOf(req: Request, params: URLSearchParams): Open311Locale {
  const explicit = param(params, "locale");
  const fromParam = explicit ? languageOf(explicit) : null;
  if (fromParam) {
    return fromParam;
  }
  const ranked = (req.headers["accept-language"] ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...options] = part.split(";");
      const q = options.map((option) => /^\s*q=([\d.]+)\s*$/.exec(option)?.[1]).find((value) => value !== undefined);
      return { language: languageOf(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language ?? "zh";
}

const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A W3C datetime (2026-11-01T00:00:00Z, 2026-11-01T08:00:00+08:00) or a date alone, taken as
 * midnight in the hotline's time zone (Asia/Shanghai, +08:00). A time must carry its zone.
 */
export function parseW3cDate(raw: string, name: string): Date {
  const match = W3C_DATETIME.exec(raw);
  const invalid = () => new Open311Error(400, `${name} must be a W3C datetime with a time zone, e.g. 2026-11-01T00:00:00Z or 2026-11-01T08:00:00+08:00.`);
  if (!match) {
    throw invalid();
  }
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction, zone = "+08:00"] = match;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    throw invalid();
  }
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction ? `.${fraction.slice(0, 3)}` : ""}${zone}`);
  if (Number.isNaN(date.getTime())) {
    throw invalid();
  }
  return date;
}

/** An instant in W3C format without milliseconds: 2026-11-24T08:15:30Z. */
export function w3c(date: Date): string {
  const iso = date.toISOString();
  // 2026-11-24T08:15:30.123Z is 24 characters; years past 9999 are written longer (+010000-…).
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, "Z");
}
