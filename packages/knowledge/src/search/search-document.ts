import { lexiconWords, normalizeForSearch, tokenizeText, type PositionedToken } from "./tokenize.js";

/** PostgreSQL keeps positions up to 16,383 and 256 of them per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;

export type SearchableFields = { title: string; summary: string; body: string; keywords: readonly string[] };

type Weight = "A" | "B" | "C";

/** Markdown as plain text: links keep their text, images their alt text; markup characters go. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/(\*\*|__|~~|`)/g, "")
    .replace(/^\s*([-*_]\s*){3,}$/gm, "")
    .replace(/[ \t]+/g, " ");
}

/** A tsvector literal quotes every lexeme, doubling quotes and backslashes. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

export type SearchVectors = {
  /** Everything: title and keywords weigh A, summary B, body C. */
  vector: string;
  /** Title and keywords only (the A part, same positions): small, ranked exhaustively first. */
  head: string;
};

/**
 * The weighted tsvectors of an article as literals (cast with `::tsvector`). Built here rather than
 * with to_tsvector so that Chinese bigrams, stems and positions are exactly what queries expect,
 * whatever the server's locale.
 */
export function buildSearchVectors(fields: SearchableFields): SearchVectors {
  const entries = new Map<string, string[]>();
  let next = 1;
  const add = (tokens: PositionedToken[], weight: Weight) => {
    for (const token of tokens) {
      const position = Math.min(token.position, MAX_POSITION);
      for (const lexeme of [token.lexeme, ...token.alternates]) {
        const list = entries.get(lexeme) ?? [];
        if (list.length < MAX_POSITIONS_PER_LEXEME && list.at(-1) !== `${position}${weight}`) {
          list.push(`${position}${weight}`);
        }
        entries.set(lexeme, list);
      }
      next = Math.max(next, token.position + 1);
    }
    next += 2;
  };
  const render = () => [...entries].map(([lexeme, positions]) => `${quoteLexeme(lexeme)}:${dedupePositions(positions).join(",")}`).join(" ");
  add(tokenizeText(fields.title, next), "A");
  for (const keyword of fields.keywords) {
    add(tokenizeText(keyword, next), "A");
  }
  const head = render();
  add(tokenizeText(fields.summary, next), "B");
  add(tokenizeText(markdownToPlain(fields.body), next), "C");
  return { vector: render(), head };
}

/** The full weighted tsvector literal (see buildSearchVectors). */
export function buildSearchVector(fields: SearchableFields): string {
  return buildSearchVectors(fields).vector;
}

/** Clamped positions can repeat; a tsvector keeps one weight per position (the first, the heavier). */
function dedupePositions(positions: string[]): string[] {
  const seen = new Set<string>();
  return positions.filter((entry) => {
    const position = entry.slice(0, -1);
    if (seen.has(position)) {
      return false;
    }
    seen.add(position);
    return true;
  });
}

/** Title and keywords, normalised: the text the trigram and single-character fallbacks look in. */
export function buildSearchText(fields: Pick<SearchableFields, "title" | "keywords">): string {
  return normalizeForSearch([fields.title, ...fields.keywords].join(" ")).replace(/\s+/g, " ").trim();
}

/** Words of an article the typo corrector may suggest. */
export function articleLexicon(fields: SearchableFields): string[] {
  return lexiconWords([fields.title, fields.keywords.join(" "), fields.summary, markdownToPlain(fields.body)].join(" "));
}
