import { dayOf, ForbiddenError, hasAnyRole, pageInput, requireRole, type Actor, type PageRule } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { EDITOR_ROLES, positional, READER_ROLES, readableCondition } from "../article/article-access.js";
import { ARTICLE_COLUMNS, liveCondition, rowToArticle } from "../article/article-row.js";
import { isUuid } from "../article/article-validation.js";
import type { Article } from "../article/article.entity.js";
import { ArticleAudience, ArticleStatus } from "../article/article.enums.js";
import { highlightText, matcherFor, snippetOf, type HighlightSegment, type Matcher } from "./highlight.js";
import type { SearchChannel } from "./search-log.entity.js";
import { insertSearchRecords, WEAK_BEST_SCORE, type SearchRecord, type SearchRecorder } from "./search-recorder.js";
import { anyParts, buildTsQuery, parseQuery, type MatchMode, type QueryTerm } from "./search-query.js";
import { correctTerms, coverageSearch, fallbackSearch, LONG_QUERY_PARTS, rankedSearch, TOTAL_CAP, type RankedPage, type SearchScope } from "./search-sql.js";

type Db = DataSource | EntityManager;

export type SearchHit = { article: Article; score: number; titleHighlight: HighlightSegment[]; snippet: HighlightSegment[] };
export type SearchResult = { total: number; hits: SearchHit[] };
export type SearchInput = {
  query: string;
  categoryId?: string | null;
  unitId?: string | null;
  audience?: ArticleAudience | null;
  status?: ArticleStatus | null;
  limit?: number | null;
  offset?: number | null;
};

/** Paging of searches: a page of up to 50 hits, no deeper than the counted matches (TOTAL_CAP). */
export const SEARCH_PAGE: PageRule = { defaultLimit: 10, maxLimit: 50, maxOffset: TOTAL_CAP };
/** The portal's paging: the same bounds, 20 hits by default. */
export const PUBLIC_SEARCH_PAGE: PageRule = { ...SEARCH_PAGE, defaultLimit: 20 };
const EMPTY: SearchResult = { total: 0, hits: [] };

/** Adds the category (with the children of a group), unit and audience filters to a scope. */
function filtered(scope: SearchScope, input: Pick<SearchInput, "categoryId" | "unitId" | "audience">): SearchScope | null {
  const params = [...scope.params];
  const param = positional(params);
  const where = [scope.where];
  if (input.categoryId) {
    if (!isUuid(input.categoryId)) {
      return null;
    }
    const id = param(input.categoryId);
    where.push(`a.category_ids && ARRAY(SELECT c.id FROM intake_category c WHERE c.id = ${id}::uuid OR c.parent_id = ${id}::uuid)`);
  }
  if (input.unitId) {
    if (!isUuid(input.unitId)) {
      return null;
    }
    where.push(`a.owning_unit_id = ${param(input.unitId)}::uuid`);
  }
  if (input.audience) {
    where.push(`a.audience = ${param(input.audience)}`);
  }
  return { where: where.join(" AND "), params, today: scope.today };
}

/**
 * Runs the query from strict to loose until something matches: every term (Han runs as phrases) →
 * every bigram anywhere → the same with typos corrected from the lexicon → any token → single
 * characters and trigram similarity in title and keywords. A long description (LONG_QUERY_PARTS
 * distinct tokens or more) instead ends with coverageSearch: hits ranked by how much of it they
 * cover, weak ones dropped, nothing else tried. Returns the page and how it matched.
 */
async function matchQuery(db: Db, scope: SearchScope, normalized: string, terms: QueryTerm[], limit: number, offset: number): Promise<{ page: RankedPage; matcher: Matcher; lastResort?: boolean }> {
  const tried = new Set<string>();
  const attempt = async (list: QueryTerm[], mode: MatchMode): Promise<RankedPage | null> => {
    const tsquery = buildTsQuery(list, mode);
    if (!tsquery || tried.has(tsquery)) {
      return null;
    }
    tried.add(tsquery);
    const page = await rankedSearch(db, scope, tsquery, limit, offset);
    return page.total > 0 ? page : null;
  };
  for (const mode of ["strict", "loose"] as const) {
    const page = await attempt(terms, mode);
    if (page) {
      return { page, matcher: matcherFor(terms, mode) };
    }
  }
  const corrected = await correctTerms(db, terms);
  let current = terms;
  if (corrected) {
    current = corrected;
    for (const mode of ["strict", "loose"] as const) {
      const page = await attempt(corrected, mode);
      if (page) {
        return { page, matcher: matcherFor(corrected, mode) };
      }
    }
  }
  const parts = anyParts(current);
  if (parts.length >= LONG_QUERY_PARTS) {
    // A long description: ranked by how much of it a hit covers; weak hits dropped, possibly all.
    const page = await coverageSearch(db, scope, { normalized, parts }, WEAK_BEST_SCORE, limit, offset);
    return { page, matcher: matcherFor(current, "any") };
  }
  const any = await attempt(current, "any");
  if (any) {
    return { page: any, matcher: matcherFor(current, "any") };
  }
  return { page: await fallbackSearch(db, scope, current, limit, offset), matcher: matcherFor(current, "any"), lastResort: true };
}

/** Where searches are recorded: the gateway's batching recorder; without one (scripts, tests) each is written at once. */
export type SearchRecording = Pick<SearchRecorder, "record">;

async function logSearch(db: Db, recorder: SearchRecording | undefined, entry: SearchRecord): Promise<void> {
  if (recorder) {
    recorder.record(entry);
  } else {
    await insertSearchRecords(db, [entry]);
  }
}

async function runSearch(
  db: Db,
  options: { scope: SearchScope; query: string; limit: number; offset: number; actorId: string | null; channel: SearchChannel; recorder?: SearchRecording },
): Promise<SearchResult> {
  const parsed = parseQuery(options.query);
  if (parsed.terms.length === 0) {
    return EMPTY;
  }
  const { page, matcher, lastResort } = await matchQuery(db, options.scope, parsed.normalized, parsed.terms, options.limit, options.offset);
  if (options.offset === 0) {
    const best = page.rows[0];
    const bestScore = best ? (lastResort ? 0 : best.score) : null;
    await logSearch(db, options.recorder, { query: parsed.normalized, resultCount: page.total, bestScore, actorId: options.actorId, channel: options.channel, at: new Date() });
  }
  return {
    total: page.total,
    hits: page.rows.map(({ article, score }) => ({
      article,
      score,
      titleHighlight: highlightText(article.title, matcher),
      snippet: snippetOf(article, matcher),
    })),
  };
}

/**
 * Staff search (the call-taker's side panel). By default only what call-takers answer from:
 * published and in force today — an expired article is never offered, even before the schedule
 * marks it. Editors may ask for another status (within what they may read). Every search is recorded
 * (its first page), through `recorder` when given (batched, off the request path).
 */
export async function searchArticles(options: { db: Db; actor: Actor | null; input: SearchInput; today?: string; recorder?: SearchRecording }): Promise<SearchResult> {
  const actor = requireRole(options.actor, READER_ROLES);
  const { input } = options;
  const { limit, offset } = pageInput(input, SEARCH_PAGE);
  const today = options.today ?? dayOf(new Date());
  const params: unknown[] = [];
  const param = positional(params);
  let where: string;
  if (!input.status || (input.status === ArticleStatus.PUBLISHED && !hasAnyRole(actor, EDITOR_ROLES))) {
    where = liveCondition(param(today));
  } else if (hasAnyRole(actor, EDITOR_ROLES)) {
    where = `a.status = ${param(input.status)} AND ${readableCondition(actor, param)}`;
  } else {
    throw new ForbiddenError("Only editors may search articles that are not published.");
  }
  const scope = filtered({ where, params, today }, input);
  if (!scope) {
    return EMPTY;
  }
  return runSearch(options.db, { scope, query: input.query, limit, offset, actorId: actor.id, channel: "staff", recorder: options.recorder });
}

/**
 * The portal's search: public articles in force only, for anyone. Without a query it lists them,
 * most recently published first.
 */
export async function searchPublicArticles(options: {
  db: Db;
  query?: string | null;
  categoryId?: string | null;
  limit?: number | null;
  offset?: number | null;
  today?: string;
  recorder?: SearchRecording;
}): Promise<SearchResult> {
  const { limit, offset } = pageInput(options, PUBLIC_SEARCH_PAGE);
  const today = options.today ?? dayOf(new Date());
  const params: unknown[] = [];
  const param = positional(params);
  const where = `${liveCondition(param(today))} AND a.audience = '${ArticleAudience.PUBLIC}'`;
  const scope = filtered({ where, params, today }, { categoryId: options.categoryId });
  if (!scope) {
    return EMPTY;
  }
  if (parseQuery(options.query ?? "").terms.length > 0) {
    return runSearch(options.db, { scope, query: options.query!, limit, offset, actorId: null, channel: "portal", recorder: options.recorder });
  }
  if ((options.query ?? "").trim()) {
    return EMPTY;
  }
  const listParams = [...scope.params];
  const listParam = positional(listParams);
  const [rows, [{ total }]] = await Promise.all([
    options.db.query(
      `SELECT ${ARTICLE_COLUMNS} FROM knowledge_article a WHERE ${scope.where}
       ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT ${listParam(limit)} OFFSET ${listParam(offset)}`,
      listParams,
    ) as Promise<Array<Record<string, unknown>>>,
    // An aggregate without GROUP BY answers exactly one row.
    options.db.query(`SELECT count(*)::int AS total FROM (SELECT 1 FROM knowledge_article a WHERE ${scope.where} LIMIT ${TOTAL_CAP}) p`, scope.params) as Promise<
      [{ total: number }]
    >,
  ]);
  const noMatch = matcherFor([], "strict");
  return {
    // The count stops at TOTAL_CAP: a page beyond it still shows how far the list goes. Past the
    // end (no rows) the count alone is the truth.
    total: rows.length > 0 ? Math.max(total, offset + rows.length) : total,
    hits: rows.map((row) => {
      const article = rowToArticle(row);
      return { article, score: 0, titleHighlight: highlightText(article.title, noMatch), snippet: snippetOf(article, noMatch) };
    }),
  };
}
