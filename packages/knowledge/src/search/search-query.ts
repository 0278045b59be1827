import { quoteLexeme } from "./search-document.js";
import { stemWord } from "./stemmer.js";
import { bigrams, normalizeForSearch, textRuns } from "./tokenize.js";

/** Longest query considered (code points); the rest is ignored. */
export const MAX_QUERY_CHARS = 100;
/** At most this many terms, and this many bigrams per Han run, go into a query. */
const MAX_TERMS = 12;
const MAX_GRAMS_PER_TERM = 16;

/** A query term: a run of Han characters (matched as a phrase of bigrams) or a word. */
export type QueryTerm =
  | { kind: "cjk"; text: string; grams: string[] }
  | { kind: "word"; text: string; stem: string; prefix: boolean };

export type ParsedQuery = { normalized: string; terms: QueryTerm[] };

/** How strictly the terms are combined; each step is tried only when the stricter one found nothing. */
export type MatchMode = "strict" | "loose" | "any";

/**
 * Reads what a user typed as literal text: normalised, cut to MAX_QUERY_CHARS, split into Han runs
 * and words. Operators, quotes, wildcards and backslashes are separators, never syntax. The last
 * word is also matched as a prefix while it is still being typed (no space after it, 3+ letters).
 */
export function parseQuery(raw: string): ParsedQuery {
  // Control characters (NUL included, which PostgreSQL cannot store in the search log) separate words like spaces.
  const normalized = [...normalizeForSearch(raw ?? "").replace(/\p{Cc}/gu, " ")].slice(0, MAX_QUERY_CHARS).join("").replace(/\s+/g, " ").trim();
  const runs = textRuns(normalized).slice(0, MAX_TERMS);
  const terms = runs.map((run, index): QueryTerm => {
    if (run.kind === "cjk") {
      return { kind: "cjk", text: run.text, grams: bigrams(run.text).slice(0, MAX_GRAMS_PER_TERM) };
    }
    const last = index === runs.length - 1 && run.end === normalized.length;
    return { kind: "word", text: run.text, stem: stemWord(run.text), prefix: last && [...run.text].length >= 3 };
  });
  return { normalized, terms };
}

function wordQuery(term: Extract<QueryTerm, { kind: "word" }>): string {
  return term.prefix ? `(${quoteLexeme(term.stem)} | ${quoteLexeme(term.text)}:*)` : quoteLexeme(term.stem);
}

function cjkQuery(term: Extract<QueryTerm, { kind: "cjk" }>, joiner: "<->" | "&"): string {
  if ([...term.text].length === 1) {
    // a single character: every bigram that starts with it, or the character standing alone
    return `${quoteLexeme(term.text)}:*`;
  }
  return term.grams.length === 1 ? quoteLexeme(term.grams[0]!) : `(${term.grams.map(quoteLexeme).join(` ${joiner} `)})`;
}

/** The distinct tokens of a query, each a tsquery of its own: a word, a Han bigram or a single Han character. */
export function anyParts(terms: QueryTerm[]): string[] {
  const parts = terms.flatMap((term) =>
    term.kind === "word" ? [wordQuery(term)] : [...term.text].length === 1 ? [cjkQuery(term, "&")] : term.grams.map(quoteLexeme),
  );
  return [...new Set(parts)];
}

/**
 * The tsquery (as text, for `$1::tsquery`) for a mode, built only from our own quoted lexemes:
 * strict = every term, Han runs as phrases; loose = every bigram anywhere; any = any token.
 */
export function buildTsQuery(terms: QueryTerm[], mode: MatchMode): string {
  if (mode === "any") {
    return anyParts(terms).join(" | ");
  }
  return terms.map((term) => (term.kind === "word" ? wordQuery(term) : cjkQuery(term, mode === "strict" ? "<->" : "&"))).join(" & ");
}

/** Escapes LIKE wildcards so that a character is matched literally (with `ESCAPE '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
