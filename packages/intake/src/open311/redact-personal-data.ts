import type { Ticket } from "../ticket/ticket.entity.js";
import { ANONYMOUS_NAME } from "../ticket/privacy.js";

const MASK = "***";
/** Stands in the folded text for what is already masked, so that later patterns skip it. */
const HIDDEN = "\uE000";

/**
 * One separator a writer may put between two digits of a number: a space, or a dot, hyphen, dash or
 * middle dot with at most one space either side ("138 1234 5678", "1-3-8…", "138 - 1234").
 */
const SEP = String.raw`(?:[ \t]?[.\-\u2010-\u2015\u00B7\u30FB\u2212][ \t]?|[ \t])`;
const GAP = `${SEP}?`;
/** Not glued to a digit before it (a space before is fine: "2026-11-24 13812345678"). */
const START = String.raw`(?<!\d)(?<!\d[.\-\u2010-\u2015\u00B7\u30FB\u2212])`;
const digits = (count: string) => String.raw`(?:${GAP}\d)${count}`;

/** Mainland mobile numbers, optionally with +86 / 0086 / 86: 1[3-9] and nine more digits. */
const MOBILE = new RegExp(String.raw`${START}(?:(?:\+|00)?86${GAP})?1${GAP}[3-9]${digits("{9}")}(?!\d)`, "g");
/** Landlines with the area code: 0 and nine to eleven more digits (0533-2781234, 010 8765 4321). */
const LANDLINE = new RegExp(String.raw`${START}0${digits("{9,11}")}(?!\d)`, "g");
/** Resident ID numbers: 17 digits and a digit or X, in groups or not. */
const ID_NUMBER = new RegExp(String.raw`(?<![\dXx])(?<!\d[.\-\u2010-\u2015\u00B7\u30FB\u2212])\d${digits("{16}")}${GAP}[\dXx](?![\dXx])`, "g");
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** The text folded for detection (NFKC, code point by code point) and where each folded unit came from. */
type Folded = { text: string; from: number[]; to: number[] };

function fold(text: string): Folded {
  const from: number[] = [];
  const to: number[] = [];
  let folded = "";
  let index = 0;
  for (const char of text) {
    const normal = char.normalize("NFKC");
    for (let unit = 0; unit < normal.length; unit += 1) {
      from.push(index);
      to.push(index + char.length);
    }
    folded += normal;
    index += char.length;
  }
  return { text: folded, from, to };
}

/** Marks [start, end) of the folded text as masked: recorded, and hidden from the next patterns. */
function hide(folded: Folded, ranges: Array<[number, number]>, start: number, end: number): void {
  ranges.push([folded.from[start]!, folded.to[end - 1]!]);
  folded.text = folded.text.slice(0, start) + HIDDEN.repeat(end - start) + folded.text.slice(end);
}

function hideLiteral(folded: Folded, ranges: Array<[number, number]>, value: string): void {
  const needle = value.normalize("NFKC");
  for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + needle.length)) {
    hide(folded, ranges, at, at + needle.length);
  }
}

function hidePattern(folded: Folded, ranges: Array<[number, number]>, pattern: RegExp): void {
  for (const match of [...folded.text.matchAll(pattern)]) {
    hide(folded, ranges, match.index, match.index + match[0].length);
  }
}

/** Replaces the ranges (in the original text) by one mask each; overlapping or touching ranges merge. */
function applyMasks(text: string, ranges: Array<[number, number]>): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let result = "";
  let cursor = 0;
  for (const [start, end] of sorted) {
    if (start < cursor) {
      cursor = Math.max(cursor, end);
      continue;
    }
    result += text.slice(cursor, start) + MASK;
    cursor = end;
  }
  return result + text.slice(cursor);
}

/**
 * A ticket's text as the public may read it: the citizen's own name, phone, e-mail and ID number
 * are masked wherever they occur, and so is anything shaped like a phone number, an e-mail address
 * or a resident ID number (callers often say other people's too). Detection reads the text folded
 * to NFKC (full-width digits and @ count) and allows one separator between digits
 * ("1 3 8 1 2 3 4 5 6 7 8", "138-1234-5678"); the rest of the text is published as written.
 * Dates, amounts, house numbers and tracking numbers are too short or glued to another number.
 */
export function redactPersonalData(
  text: string,
  identity: Partial<Pick<Ticket, "citizenName" | "citizenPhone" | "citizenEmail" | "citizenIdNumber">> = {},
): string {
  const folded = fold(text);
  const ranges: Array<[number, number]> = [];
  for (const value of [identity.citizenPhone, identity.citizenEmail, identity.citizenIdNumber]) {
    if (value && value.length >= 5) {
      hideLiteral(folded, ranges, value);
    }
  }
  const name = identity.citizenName?.trim();
  if (name && name !== ANONYMOUS_NAME && [...name].length >= 2) {
    hideLiteral(folded, ranges, name);
  }
  for (const pattern of [EMAIL, ID_NUMBER, MOBILE, LANDLINE]) {
    hidePattern(folded, ranges, pattern);
  }
  return applyMasks(text, ranges);
}
