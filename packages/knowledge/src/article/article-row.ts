import type { Article } from "./article.entity.js";

/** The article columns raw queries select (alias `a`), named as the entity's properties. */
export const ARTICLE_COLUMNS = `a.id, a.status, a.title, a.summary, a.body, a.keywords, a.category_ids AS "categoryIds",
  a.owning_unit_id AS "owningUnitId", a.audience, a.language, a.effective_from::text AS "effectiveFrom",
  a.expires_on::text AS "expiresOn", a.source, a.version_number AS "versionNumber", a.reviewed_version AS "reviewedVersion",
  a.pending_version AS "pendingVersion", a.pending_state AS "pendingState", a.pending_author_id AS "pendingAuthorId",
  a.author_id AS "authorId", a.reviewer_id AS "reviewerId", a.review_comment AS "reviewComment",
  a.published_at AS "publishedAt", a.usage_count AS "usageCount", a.warned_at AS "warnedAt",
  a.lock_version AS "lockVersion", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** SQL (alias `a`, today as a parameter placeholder): published, already effective and not past expiry. */
export function liveCondition(today: string): string {
  return `(a.status = 'PUBLISHED' AND a.effective_from <= ${today}::date AND (a.expires_on IS NULL OR a.expires_on >= ${today}::date))`;
}

/** Whether an article is offered to call-takers on `today`: published, effective, not expired. */
export function isInForce(article: Pick<Article, "status" | "effectiveFrom" | "expiresOn">, today: string): boolean {
  return article.status === "PUBLISHED" && article.effectiveFrom <= today && (article.expiresOn === null || article.expiresOn >= today);
}

/** A raw row selected with ARTICLE_COLUMNS as an Article. */
export function rowToArticle(row: Record<string, unknown>): Article {
  return {
    ...(row as unknown as Article),
    keywords: (row.keywords as string[] | null) ?? [],
    categoryIds: (row.categoryIds as string[] | null) ?? [],
  };
}

/**
 * The rows of a raw `UPDATE/DELETE … RETURNING` (TypeORM returns `[rows, affected]` for those
 * commands and the rows alone for SELECT and INSERT).
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") {
    return result[0] as T[];
  }
  return result as T[];
}
