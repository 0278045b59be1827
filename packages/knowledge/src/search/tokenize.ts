import { stemWord } from "./stemmer.js";

/**
 * Tokenising for search, in code so that PostgreSQL needs no Chinese parser or extension:
 * text is NFKC-normalised (full-width ASCII becomes ASCII) and lower-cased; runs of Han characters
 * become overlapping two-character tokens (a one-character run stays itself); runs of other letters
 * and digits become words, stemmed by a light English stemmer. Anything else separates tokens.
 */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)/gu;

export type TextRun = { kind: "cjk" | "word"; text: string; start: number; end: number };

/** NFKC, lower case: how both documents and queries are compared. */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The Han runs and words of already-normalised text, with their offsets. */
export function textRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const match of normalized.matchAll(RUN)) {
    const start = match.index;
    runs.push({ kind: match[1] ? "cjk" : "word", text: match[0], start, end: start + match[0].length });
  }
  return runs;
}

/** Overlapping two-character tokens of a Han run (by code point); a single character stays itself. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length <= 1) {
    return chars;
  }
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) {
    out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** A token at a position; `alternates` are extra lexemes at the same position (a word's surface form). */
export type PositionedToken = { lexeme: string; position: number; alternates: string[] };

/**
 * Tokens of a text with positions starting at `firstPosition`: consecutive within a Han run and
 * across words, so that the `<->` (followed-by) operator matches a phrase of bigrams.
 */
export function tokenizeText(text: string, firstPosition = 1): PositionedToken[] {
  const tokens: PositionedToken[] = [];
  let position = firstPosition;
  for (const run of textRuns(normalizeForSearch(text))) {
    if (run.kind === "cjk") {
      for (const gram of bigrams(run.text)) {
        tokens.push({ lexeme: gram, position: position++, alternates: [] });
      }
    } else {
      const stem = stemWord(run.text);
      tokens.push({ lexeme: stem, position: position++, alternates: stem === run.text ? [] : [run.text] });
    }
    // a gap between runs keeps a phrase from matching across punctuation or scripts
    position++;
  }
  return tokens;
}

/** Plain a–z words of three letters or more: the lexicon typo correction draws from. */
export function lexiconWords(text: string): string[] {
  const words = new Set<string>();
  for (const run of textRuns(normalizeForSearch(text))) {
    if (run.kind === "word" && run.text.length >= 3 && run.text.length <= 40 && /^[a-z]+$/.test(run.text)) {
      words.add(run.text);
    }
  }
  return [...words];
}
