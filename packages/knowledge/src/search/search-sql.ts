import type { DataSource, EntityManager } from "typeorm";
import { ARTICLE_COLUMNS, liveCondition, rowToArticle } from "../article/article-row.js";
import type { Article } from "../article/article.entity.js";
import { quoteLexeme } from "./search-document.js";
import { stemWord } from "./stemmer.js";
import { escapeLike, type QueryTerm } from "./search-query.js";

type Db = DataSource | EntityManager;

/** Weights for D, C (body), B (summary), A (title and keywords): title and keyword matches count most. */
const RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}";

/** Which articles a search may return: a SQL condition on alias `a` with its positional parameters. */
export type SearchScope = { where: string; params: unknown[]; today: string };

export type RankedRow = { article: Article; score: number };
export type RankedPage = { total: number; rows: RankedRow[] };

/** The order of a page (alias h): in force first, then rank, usage, the most recently published. */
const PAGE_ORDER = "h.live DESC, h.score DESC, h.usage_count DESC, h.published_at DESC NULLS LAST, h.id";

/** Matches are counted up to this many (a count of tens of thousands helps no call-taker). */
export const TOTAL_CAP = 1000;
/** Title and keyword matches ranked per search: the first this many found (all of them, unless a term is in more titles). */
export const HEAD_CANDIDATES = 1000;
/** Body-only matches ranked per search, when title and keyword matches do not fill the page. */
export const BODY_CANDIDATES = 300;

function rowsOf(rows: Array<Record<string, unknown>>): RankedRow[] {
  return rows.map((row) => ({ article: rowToArticle(row), score: Number(row.score) }));
}

function withParams(scope: SearchScope): { params: unknown[]; add: (value: unknown) => string } {
  const params = [...scope.params];
  return {
    params,
    add: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * One ranked page for a tsquery, in two tiers so that the work stays bounded on a large base:
 * 1. title and keyword matches (the small `search_head` vector, its own GIN index) — up to
 *    HEAD_CANDIDATES of them, in-force first, then rank, then usage, then the most recently published;
 * 2. only when tier 1 does not fill the page: summary and body matches, ranked the same way among the
 *    first BODY_CANDIDATES found.
 * A term found in thousands of titles thus costs the same as one found in a thousand.
 * The total is capped at TOTAL_CAP: when tier 1 alone found that many candidates (the head vector is
 * part of the full one, so as many full matches exist), that is the total and nothing else is read;
 * otherwise the full-vector matches are counted (beside tier 2 when it is needed).
 */
export async function rankedSearch(db: Db, scope: SearchScope, tsquery: string, limit: number, offset: number): Promise<RankedPage> {
  const need = offset + limit;
  const head = withParams(scope);
  const headQ = head.add(tsquery);
  const headToday = head.add(scope.today);
  // Ranked on narrow rows (id and sort keys); only the page's articles are read in full.
  // `candidates`: how many tier-1 articles were ranked (the window runs over the LIMITed subquery).
  const headRows: Array<Record<string, unknown>> = await db.query(
    `SELECT ${ARTICLE_COLUMNS}, p.score, p.candidates FROM (
       SELECT h.*, count(*) OVER () AS candidates FROM (
         SELECT a.id, ts_rank('${RANK_WEIGHTS}', a.search_head, ${headQ}::tsquery) AS score, ${liveCondition(headToday)} AS live,
           a.usage_count, a.published_at
         FROM knowledge_article a
         WHERE a.search_head @@ ${headQ}::tsquery AND ${scope.where}
         LIMIT ${HEAD_CANDIDATES}) h
       ORDER BY ${PAGE_ORDER}
       LIMIT ${head.add(need)}) p
     JOIN knowledge_article a ON a.id = p.id
     ORDER BY ${PAGE_ORDER.replaceAll("h.", "p.")}`,
    head.params,
  );
  let rows = rowsOf(headRows);
  const candidates = Number(headRows[0]?.candidates ?? 0);
  if (candidates >= TOTAL_CAP) {
    return { total: TOTAL_CAP, rows: rows.slice(offset, offset + limit) };
  }
  const countTotal = async (): Promise<number> => {
    const count = withParams(scope);
    const countQ = count.add(tsquery);
    const [{ total }]: [{ total: number }] = await db.query(
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM knowledge_article a WHERE a.search_vector @@ ${countQ}::tsquery AND ${scope.where} LIMIT ${TOTAL_CAP}) m`,
      count.params,
    ); // an aggregate without GROUP BY answers exactly one row
    return total;
  };
  const bodyPage = async (): Promise<RankedRow[]> => {
    const body = withParams(scope);
    const q = body.add(tsquery);
    const today = body.add(scope.today);
    const bodyRows: Array<Record<string, unknown>> = await db.query(
      `SELECT ${ARTICLE_COLUMNS}, p.score FROM (
         SELECT h.* FROM (
           SELECT a.id, ts_rank('${RANK_WEIGHTS}', a.search_vector, ${q}::tsquery) AS score, ${liveCondition(today)} AS live,
             a.usage_count, a.published_at
           FROM knowledge_article a
           WHERE a.search_vector @@ ${q}::tsquery AND NOT (a.search_head @@ ${q}::tsquery) AND ${scope.where}
           LIMIT ${BODY_CANDIDATES}) h
         ORDER BY ${PAGE_ORDER}
         LIMIT ${body.add(need - rows.length)}) p
       JOIN knowledge_article a ON a.id = p.id
       ORDER BY ${PAGE_ORDER.replaceAll("h.", "p.")}`,
      body.params,
    );
    return rowsOf(bodyRows);
  };
  let total: number;
  if (rows.length >= need) {
    total = await countTotal();
  } else if (rows.length > 0) {
    // the page needs tier 2 anyway: count beside it
    const [counted, more] = await Promise.all([countTotal(), bodyPage()]);
    total = counted;
    rows = rows.concat(more);
  } else {
    // nothing in titles and keywords: most often nothing at all (a stricter mode before a looser one)
    total = await countTotal();
    if (total > 0) {
      rows = await bodyPage();
    }
  }
  return { total: Math.max(total, rows.length), rows: rows.slice(offset, offset + limit) };
}

/** A query with at least this many distinct tokens (words, Han bigrams) is a long description. */
export const LONG_QUERY_PARTS = 6;
/** What a token found only in an article's summary or body counts, against 1 for one in its title or keywords. */
const BODY_PART_WEIGHT = 0.25;
/** What it adds when the description contains one of the article's keywords (the editor's word for its subject). */
const KEYWORD_BONUS = 0.5;

/**
 * "Any token" matching of a long description (LONG_QUERY_PARTS or more distinct tokens). Each hit is
 * scored by how much of the description it covers: (tokens found in its title or keywords +
 * BODY_PART_WEIGHT × tokens found only in its summary or body) ÷ the description's distinct tokens,
 * plus KEYWORD_BONUS when the description contains one of its keywords (2+ characters), at most 1.
 * Hits scoring below `minScore` (the recorder's WEAK_BEST_SCORE, 0.2) are dropped: an article sharing
 * a few common words of the description (我们, 问题, 小区, "we", "please") is not offered; one whose
 * keyword the caller said, or that covers a fifth of the description in its title, is. Ranked by
 * that score, then ts_rank, then usage. Candidates, in two tiers as in rankedSearch: the first
 * TOTAL_CAP articles with a token in their title or keywords; only when fewer than the page pass, also
 * the first BODY_CANDIDATES with tokens in their summary or body only.
 */
export async function coverageSearch(
  db: Db,
  scope: SearchScope,
  query: { normalized: string; parts: string[] },
  minScore: number,
  limit: number,
  offset: number,
): Promise<RankedPage> {
  const need = offset + limit;
  const head = await coverageTier(db, scope, query, minScore, need, "head");
  let tiers = [head];
  if (head.rows.length < need) {
    tiers = [head, await coverageTier(db, scope, query, minScore, need, "body")];
  }
  const rows = tiers.flatMap((tier) => tier.rows).sort(byCoverage);
  const total = Math.min(TOTAL_CAP, tiers.reduce((sum, tier) => sum + tier.total, 0));
  return { total, rows: rowsOf(rows.slice(offset, offset + limit)) };
}

/** The page order of coverageSearch, for merging its tiers' rows. */
function byCoverage(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const published = (row: Record<string, unknown>) => (row.publishedAt ? new Date(row.publishedAt as string | Date).getTime() : -Infinity);
  return (
    Number(b.live) - Number(a.live) ||
    Number(b.score) - Number(a.score) ||
    Number(b.rank) - Number(a.rank) ||
    Number(b.usageCount) - Number(a.usageCount) ||
    published(b) - published(a) ||
    (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0)
  );
}

/**
 * One tier of coverageSearch: its best `need` hits (in page order) and how many of its candidates pass.
 * Candidates come from a materialised CTE, so that PostgreSQL plans it for all its rows (a bitmap
 * scan of the GIN index) and reads it lazily up to the cap; with the LIMIT inside, it walked the table
 * in physical order testing every article's full vector until TOTAL_CAP matched (a sequential scan,
 * 50–140 ms at 100,000 articles). The tier-1 condition is on `search_head` (small, stored in the row).
 * Scoring uses narrow rows; each candidate's full vector is read once (strip: its lexemes, all that
 * `@@` of one token needs), the parts are parsed once (`::tsquery[]`), and only the best `need`
 * articles are read in full, the number passing counted beside them (window count).
 */
async function coverageTier(
  db: Db,
  scope: SearchScope,
  query: { normalized: string; parts: string[] },
  minScore: number,
  need: number,
  tier: "head" | "body",
): Promise<{ total: number; rows: Array<Record<string, unknown>> }> {
  const { params, add } = withParams(scope);
  const q = add(query.parts.join(" | "));
  const list = add(query.parts);
  const text = add(query.normalized.toLowerCase());
  const count = add(query.parts.length);
  const min = add(minScore);
  const today = add(scope.today);
  const [condition, cap, rankOf] =
    tier === "head"
      ? [`a.search_head @@ ${q}::tsquery`, TOTAL_CAP, "f.head"]
      : [`a.search_vector @@ ${q}::tsquery AND NOT (a.search_head @@ ${q}::tsquery)`, BODY_CANDIDATES, "f.vector"];
  const order = (alias: string) =>
    `${alias}.live DESC, ${alias}.score DESC, ${alias}.rank DESC, ${alias}.usage_count DESC, ${alias}.published_at DESC NULLS LAST, ${alias}.id`;
  const rows: Array<Record<string, unknown>> = await db.query(
    `WITH found AS MATERIALIZED (
       SELECT a.id, ${liveCondition(today)} AS live, a.usage_count, a.published_at, a.keywords, a.search_head AS head, a.search_vector AS vector
       FROM knowledge_article a
       WHERE ${condition} AND ${scope.where}),
     scored AS MATERIALIZED (
       SELECT m.id, m.live, m.rank, m.usage_count, m.published_at,
         LEAST(1.0, (m.head_parts + ${BODY_PART_WEIGHT} * m.body_parts) / ${count}::float8
                    + CASE WHEN m.keyword_hit THEN ${KEYWORD_BONUS} ELSE 0 END) AS score
       FROM (
         SELECT c.*,
           (SELECT count(*) FROM unnest(${list}::tsquery[]) p WHERE c.head @@ p) AS head_parts,
           (SELECT count(*) FROM unnest(${list}::tsquery[]) p WHERE c.lexemes @@ p AND NOT (c.head @@ p)) AS body_parts,
           EXISTS (SELECT 1 FROM unnest(c.keywords) k WHERE char_length(k) >= 2 AND strpos(${text}::text, lower(k)) > 0) AS keyword_hit
         FROM (SELECT f.*, strip(f.vector) AS lexemes, ts_rank('${RANK_WEIGHTS}', ${rankOf}, ${q}::tsquery) AS rank FROM found f LIMIT ${cap}) c) m),
     page AS (
       SELECT s.*, count(*) OVER () AS total FROM scored s WHERE s.score >= ${min}
       ORDER BY ${order("s")}
       LIMIT ${add(need)})
     SELECT ${ARTICLE_COLUMNS}, page.score, page.rank, page.live, page.total
     FROM page JOIN knowledge_article a ON a.id = page.id
     ORDER BY ${order("page")}`,
    params,
  );
  return { total: Number(rows[0]?.total ?? 0), rows };
}

/**
 * The last resort when no token matched: single Han characters anywhere in title and keywords
 * (ILIKE, wildcards escaped) and Latin words similar to a word there (pg_trgm word similarity).
 */
export async function fallbackSearch(db: Db, scope: SearchScope, terms: QueryTerm[], limit: number, offset: number): Promise<RankedPage> {
  const chars = terms.filter((term) => term.kind === "cjk" && [...term.text].length === 1).map((term) => term.text);
  const words = terms.filter((term) => term.kind === "word").map((term) => term.text);
  if (chars.length + words.length !== terms.length || terms.length === 0) {
    return { total: 0, rows: [] };
  }
  const params = [...scope.params];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = chars.map((ch) => `a.search_text ILIKE ${add(`%${escapeLike(ch)}%`)} ESCAPE '\\'`);
  let score = "0";
  if (words.length > 0) {
    const text = add(words.join(" "));
    conditions.push(`${text} <% a.search_text`);
    score = `word_similarity(${text}, a.search_text)`;
  }
  const today = add(scope.today);
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT * FROM (
       SELECT ${ARTICLE_COLUMNS}, ${score} AS score, ${liveCondition(today)} AS live
       FROM knowledge_article a
       WHERE ${conditions.join(" AND ")} AND ${scope.where}
       LIMIT ${TOTAL_CAP}) f
     ORDER BY live DESC, score DESC, "usageCount" DESC, id`,
    params,
  );
  return { total: rows.length, rows: rowsOf(rows.slice(offset, offset + limit)) };
}

/**
 * Typo correction: words of the query that occur in no article are replaced by the most similar
 * word of the lexicon (pg_trgm similarity), if any. Returns null when nothing was corrected.
 */
export async function correctTerms(db: Db, terms: QueryTerm[]): Promise<QueryTerm[] | null> {
  const candidates = terms.filter(
    (term): term is Extract<QueryTerm, { kind: "word" }> => term.kind === "word" && term.text.length >= 3 && /^[a-z]+$/.test(term.text),
  );
  if (candidates.length === 0) {
    return null;
  }
  const rows: Array<{ word: string; suggestion: string | null }> = await db.query(
    `SELECT w.word, (SELECT t.term FROM knowledge_search_term t WHERE t.term % w.word
                     ORDER BY similarity(t.term, w.word) DESC, t.term LIMIT 1) AS suggestion
     FROM unnest($1::text[], $2::text[]) AS w(word, lexeme)
     WHERE NOT EXISTS (SELECT 1 FROM knowledge_article a WHERE a.search_vector @@ w.lexeme::tsquery)`,
    [candidates.map((term) => term.text), candidates.map((term) => quoteLexeme(term.stem))],
  );
  const corrections = new Map(rows.filter((row) => row.suggestion).map((row) => [row.word, row.suggestion!]));
  if (corrections.size === 0) {
    return null;
  }
  return terms.map((term) => {
    const suggestion = term.kind === "word" ? corrections.get(term.text) : undefined;
    return suggestion ? { kind: "word", text: suggestion, stem: stemWord(suggestion), prefix: false } : term;
  });
}
