import { stemWord } from "./stemmer.js";
import type { MatchMode, QueryTerm } from "./search-query.js";
import { markdownToPlain } from "./search-document.js";
import { normalizeForSearch, textRuns } from "./tokenize.js";

/** A piece of displayed text, marked when it matched the query. Plain text: clients escape it. */
export type HighlightSegment = { text: string; match: boolean };

/** What to mark: Han strings to find, word stems, and word prefixes. */
export type Matcher = { needles: string[]; stems: Set<string>; prefixes: string[] };

const SNIPPET_CHARS = 120;
const SNIPPET_LEAD = 30;

/**
 * English words too common to be worth marking: "the", "at" in a query still search, but a snippet
 * in which every "the" is marked says nothing about why the article matched.
 */
const STOP_WORDS = new Set(
  (
    "a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our " +
    "she so than that the their them then there these they this to was we were what when where which who will with you your"
  ).split(" "),
);

/** A word worth marking: not a stop word and not a lone letter (the "r" left of "R&D" or "Mr."). */
function markable(text: string): boolean {
  return !STOP_WORDS.has(text) && !/^\p{L}$/u.test(text);
}

/**
 * The matcher for the terms a search used; looser modes also mark single bigrams. English stop
 * words and lone letters are never marked (unless they are the whole query).
 */
export function matcherFor(terms: QueryTerm[], mode: MatchMode): Matcher {
  const words = terms.filter((term) => term.kind === "word");
  const worthMarking = words.filter((term) => markable(term.text));
  const skipWeak = worthMarking.length > 0 || words.length < terms.length;
  const needles = new Set<string>();
  const stems = new Set<string>();
  const prefixes: string[] = [];
  for (const term of terms) {
    if (term.kind === "cjk") {
      needles.add(term.text);
      if (mode !== "strict") {
        term.grams.forEach((gram) => needles.add(gram));
      }
    } else if (!skipWeak || markable(term.text)) {
      stems.add(term.stem);
      if (term.prefix) {
        prefixes.push(term.text);
      }
    }
  }
  return { needles: [...needles].sort((a, b) => b.length - a.length), stems, prefixes };
}

/** Normalises code point by code point, remembering where each normalised unit came from. */
function normalizeWithMap(text: string): { normalized: string; from: number[]; to: number[] } {
  let normalized = "";
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const ch of text) {
    const piece = normalizeForSearch(ch);
    for (let i = 0; i < piece.length; i++) {
      from.push(index);
      to.push(index + ch.length);
    }
    normalized += piece;
    index += ch.length;
  }
  return { normalized, from, to };
}

/** Ranges [start, end) of `text` that match, in order and not overlapping. */
export function matchRanges(text: string, matcher: Matcher): Array<[number, number]> {
  const { normalized, from, to } = normalizeWithMap(text);
  const ranges: Array<[number, number]> = [];
  for (const run of textRuns(normalized)) {
    if (run.kind === "word") {
      const hit = matcher.stems.has(stemWord(run.text)) || matcher.prefixes.some((prefix) => run.text.startsWith(prefix));
      if (hit) {
        ranges.push([from[run.start]!, to[run.end - 1]!]);
      }
      continue;
    }
    for (const needle of matcher.needles) {
      let at = run.text.indexOf(needle);
      while (at >= 0) {
        ranges.push([from[run.start + at]!, to[run.start + at + needle.length - 1]!]);
        at = run.text.indexOf(needle, at + needle.length);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) {
      last[1] = Math.max(last[1], range[1]);
    } else {
      merged.push([range[0], range[1]]);
    }
  }
  return merged;
}

function segmentsOf(text: string, ranges: Array<[number, number]>, start = 0, end = text.length): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    const from = Math.max(s, start);
    const until = Math.min(e, end);
    if (until <= from) {
      continue;
    }
    if (from > at) {
      segments.push({ text: text.slice(at, from), match: false });
    }
    segments.push({ text: text.slice(from, until), match: true });
    at = until;
  }
  if (at < end) {
    segments.push({ text: text.slice(at, end), match: false });
  }
  return segments;
}

/** The whole text as segments. */
export function highlightText(text: string, matcher: Matcher): HighlightSegment[] {
  return segmentsOf(text, matchRanges(text, matcher));
}

/** Moves an offset off the second half of a surrogate pair. */
function safeOffset(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/**
 * A short excerpt around the first match in the body (Markdown read as plain text), else in the
 * summary, else the start of the summary.
 */
export function snippetOf(fields: { summary: string; body: string }, matcher: Matcher): HighlightSegment[] {
  for (const source of [markdownToPlain(fields.body), fields.summary]) {
    const text = source.replace(/\s+/g, " ").trim();
    const ranges = matchRanges(text, matcher);
    if (ranges.length > 0) {
      const start = safeOffset(text, Math.max(0, ranges[0]![0] - SNIPPET_LEAD));
      const end = safeOffset(text, Math.min(text.length, start + SNIPPET_CHARS));
      const segments = segmentsOf(text, ranges, start, end);
      return [...(start > 0 ? [{ text: "…", match: false }] : []), ...segments, ...(end < text.length ? [{ text: "…", match: false }] : [])];
    }
  }
  const summary = fields.summary.replace(/\s+/g, " ").trim();
  const end = safeOffset(summary, Math.min(summary.length, SNIPPET_CHARS));
  return [{ text: summary.slice(0, end) + (end < summary.length ? "…" : ""), match: false }];
}
