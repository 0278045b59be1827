import { addWorkingDays, dayOf, requireRole, ValidationError, type Actor } from "@civicline/platform";
import { In, type DataSource, type EntityManager } from "typeorm";
import { STATS_ROLES } from "../article/article-access.js";
import { ARTICLE_COLUMNS, rowToArticle } from "../article/article-row.js";
import { Article } from "../article/article.entity.js";
import { WEAK_BEST_SCORE } from "../search/search-recorder.js";

/** Owners are warned, and the figures list articles, this many working days before expiry. */
export const EXPIRY_WARNING_WORKING_DAYS = 5;
const TOP = 10;
const LIST = 50;
const GAPS = 20;

export type KnowledgeStats = {
  from: Date;
  to: Date;
  added: number;
  updated: number;
  mostUsed: Array<{ article: Article; uses: number }>;
  neverUsed: Article[];
  gaps: Array<{ query: string; count: number; emptyCount: number; lastSearchedAt: Date }>;
  expiringSoon: Article[];
};

/**
 * The knowledge-base figures for the period [from, to):
 * - added: articles first published in the period (approved, or imported as published);
 * - updated: articles already published before that had a new version go live in the period (a change
 *   approved, also urgently, or a revision approved after expiry) — each article once;
 * - mostUsed: the 10 articles used most in the period (usage rows);
 * - neverUsed: published articles never used at all (oldest first, up to 50);
 * - gaps: searches in the period that found nothing useful — no hit, or a best hit ranked below
 *   WEAK_BEST_SCORE (the words found in no title, keyword or summary) — grouped by normalised query (top 20);
 * - expiringSoon: published articles expiring from today to EXPIRY_WARNING_WORKING_DAYS working days on.
 */
export async function knowledgeStats(options: { db: DataSource | EntityManager; actor: Actor | null; from: Date; to: Date; today?: string }): Promise<KnowledgeStats> {
  requireRole(options.actor, STATS_ROLES);
  const { db, from, to } = options;
  if (!(from instanceof Date) || !(to instanceof Date) || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw new ValidationError([{ field: "to", code: "INVALID_FORMAT", message: "The period must end after it starts." }]);
  }
  const today = options.today ?? dayOf(new Date());
  const [[added], [updated], used, never, gaps, expiring] = await Promise.all([
    db.query("SELECT count(*)::int AS n FROM knowledge_article WHERE published_at >= $1 AND published_at < $2", [from, to]) as Promise<Array<{ n: number }>>,
    db.query(
      `SELECT count(DISTINCT h.article_id)::int AS n FROM knowledge_article_history h
       WHERE h.at >= $1 AND h.at < $2 AND h.to_status = 'PUBLISHED' AND h.action IN ('APPROVED', 'URGENT_APPROVED')
         AND EXISTS (SELECT 1 FROM knowledge_article_history p
              WHERE p.article_id = h.article_id AND p.to_status = 'PUBLISHED' AND p.id < h.id)`,
      [from, to],
    ) as Promise<Array<{ n: number }>>,
    db.query(
      `SELECT article_id, count(*)::int AS uses FROM knowledge_article_usage WHERE used_at >= $1 AND used_at < $2
       GROUP BY article_id ORDER BY uses DESC, article_id LIMIT ${TOP}`,
      [from, to],
    ) as Promise<Array<{ article_id: string; uses: number }>>,
    db.query(
      `SELECT ${ARTICLE_COLUMNS} FROM knowledge_article a WHERE a.status = 'PUBLISHED' AND a.usage_count = 0
       ORDER BY a.published_at ASC NULLS LAST, a.id LIMIT ${LIST}`,
    ) as Promise<Array<Record<string, unknown>>>,
    db.query(
      `SELECT query, count(*)::int AS count, count(*) FILTER (WHERE result_count = 0)::int AS "emptyCount", max(at) AS "lastSearchedAt"
       FROM knowledge_search_log
       WHERE (result_count = 0 OR best_score < $3) AND at >= $1 AND at < $2 GROUP BY query ORDER BY count DESC, max(at) DESC LIMIT ${GAPS}`,
      [from, to, WEAK_BEST_SCORE],
    ) as Promise<Array<{ query: string; count: number; emptyCount: number; lastSearchedAt: Date }>>,
    db.query(
      `SELECT ${ARTICLE_COLUMNS} FROM knowledge_article a WHERE a.status = 'PUBLISHED' AND a.expires_on BETWEEN $1::date AND $2::date
       ORDER BY a.expires_on, a.id LIMIT ${LIST}`,
      [today, addWorkingDays(today, EXPIRY_WARNING_WORKING_DAYS)],
    ) as Promise<Array<Record<string, unknown>>>,
  ]);
  const usedArticles = new Map((await db.getRepository(Article).findBy({ id: In(used.map((row) => row.article_id)) })).map((a) => [a.id, a]));
  return {
    from,
    to,
    added: added?.n ?? 0,
    updated: updated?.n ?? 0,
    mostUsed: used.filter((row) => usedArticles.has(row.article_id)).map((row) => ({ article: usedArticles.get(row.article_id)!, uses: row.uses })),
    neverUsed: never.map(rowToArticle),
    gaps,
    expiringSoon: expiring.map(rowToArticle),
  };
}
