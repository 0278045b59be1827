import { dayOf, pageInput, requireRole, type Actor, type PageRule } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { articleNotFound } from "../knowledge.errors.js";
import { changeVisibleCondition, mayRead, positional, READER_ROLES, readableCondition } from "./article-access.js";
import { ARTICLE_COLUMNS, isInForce, rowToArticle } from "./article-row.js";
import { isUuid } from "./article-validation.js";
import { Article } from "./article.entity.js";
import { ArticleAudience, ArticleStatus } from "./article.enums.js";

type Db = DataSource | EntityManager;

/** Paging of the staff article list. */
export const ARTICLE_LIST_PAGE: PageRule = { defaultLimit: 50, maxLimit: 200 };

/** One article for staff; drafts and reviews only for those who may see them (else not found). */
export async function getArticle(options: { db: Db; actor: Actor | null; id: string }): Promise<Article> {
  const actor = requireRole(options.actor, READER_ROLES);
  const article = isUuid(options.id) ? await options.db.getRepository(Article).findOneBy({ id: options.id }) : null;
  if (!article || !mayRead(actor, article)) {
    throw articleNotFound();
  }
  return article;
}

/** One article for anyone: only public articles in force today; everything else is "not found". */
export async function getPublicArticle(options: { db: Db; id: string; today?: string }): Promise<Article> {
  const article = isUuid(options.id) ? await options.db.getRepository(Article).findOneBy({ id: options.id }) : null;
  if (!article || article.audience !== ArticleAudience.PUBLIC || !isInForce(article, options.today ?? dayOf(new Date()))) {
    throw articleNotFound();
  }
  return article;
}

export type ArticleListOptions = {
  db: Db;
  actor: Actor | null;
  filter?: { status?: ArticleStatus | null; mine?: boolean | null; unitId?: string | null } | null;
  limit?: number | null;
  offset?: number | null;
};

/**
 * Articles the viewer may read, filtered. The review queue (status IN_REVIEW) comes oldest change
 * first; every other list most recently changed first.
 */
export async function listArticles(options: ArticleListOptions): Promise<{ total: number; items: Article[] }> {
  const actor = requireRole(options.actor, READER_ROLES);
  const { limit, offset } = pageInput(options, ARTICLE_LIST_PAGE);
  const filter = options.filter ?? {};
  const params: unknown[] = [];
  const param = positional(params);
  const where = [readableCondition(actor, param)];
  if (filter.status === ArticleStatus.IN_REVIEW || filter.status === ArticleStatus.DRAFT) {
    // A published article's change in review (or sent back) is listed with the articles in that state.
    const status = param(filter.status);
    where.push(`(a.status = ${status} OR (a.status = 'PUBLISHED' AND a.pending_state = ${status} AND ${changeVisibleCondition(actor, param)}))`);
  } else if (filter.status) {
    where.push(`a.status = ${param(filter.status)}`);
  }
  if (filter.mine) {
    const me = param(actor.id);
    where.push(`(a.author_id = ${me} OR a.pending_author_id = ${me})`);
  }
  if (filter.unitId) {
    if (!isUuid(filter.unitId)) {
      return { total: 0, items: [] };
    }
    where.push(`a.owning_unit_id = ${param(filter.unitId)}`);
  }
  const order = filter.status === ArticleStatus.IN_REVIEW ? "a.updated_at ASC" : "a.updated_at DESC";
  const whereParams = [...params];
  const rows: Array<Record<string, unknown>> = await options.db.query(
    `SELECT ${ARTICLE_COLUMNS}, count(*) OVER () AS total FROM knowledge_article a
     WHERE ${where.join(" AND ")} ORDER BY ${order}, a.id LIMIT ${param(limit)} OFFSET ${param(offset)}`,
    params,
  );
  const [first] = rows;
  if (first || offset === 0) {
    return { total: first ? Number(first.total) : 0, items: rows.map(rowToArticle) };
  }
  // A page past the end has no row to carry the window count: count on its own.
  const [counted] = (await options.db.query(`SELECT count(*)::int AS total FROM knowledge_article a WHERE ${where.join(" AND ")}`, whereParams)) as Array<{ total: number }>;
  return { total: counted?.total ?? 0, items: [] };
}
