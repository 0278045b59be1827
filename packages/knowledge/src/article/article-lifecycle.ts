import { ConflictError, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { articleNotFound, invalidTransition } from "../knowledge.errors.js";
import { ArticleHistory, ArticleAction } from "./article-history.entity.js";
import { ArticleVersion } from "./article-version.entity.js";
import { Article } from "./article.entity.js";
import { ArticleStatus } from "./article.enums.js";
import { isUuid } from "./article-validation.js";

const S = ArticleStatus;

/**
 * Every allowed status change. Nothing else in civicline assigns `article.status`:
 * DRAFT → IN_REVIEW (submitted) → PUBLISHED (approved) or back to DRAFT (sent back with a comment);
 * PUBLISHED → EXPIRED (the expiry schedule); anything but ARCHIVED → ARCHIVED (final).
 */
export const TRANSITIONS: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  [S.DRAFT]: [S.IN_REVIEW, S.ARCHIVED],
  [S.IN_REVIEW]: [S.PUBLISHED, S.DRAFT, S.ARCHIVED],
  [S.PUBLISHED]: [S.EXPIRED, S.ARCHIVED],
  [S.EXPIRED]: [S.DRAFT, S.ARCHIVED],
  [S.ARCHIVED]: [],
};

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The status an article has after its content is edited (a new version is written either way):
 * a draft stays a draft; a published article stays published — the edit is live at once and recorded
 * as a new version; an expired article becomes a draft again, to be reviewed before it is offered.
 * Articles in review must be sent back first; archived ones are final.
 */
export function statusAfterEdit(status: ArticleStatus): ArticleStatus {
  switch (status) {
    case S.DRAFT:
    case S.PUBLISHED:
      return status;
    case S.EXPIRED:
      return S.DRAFT;
    case S.IN_REVIEW:
      throw invalidTransition(status, "EDITED", "This article is in review: a reviewer must send it back before it can be edited.");
    case S.ARCHIVED:
      throw invalidTransition(status, "EDITED", "An archived article cannot be edited.");
  }
}

/** The name history keeps for an actor; the schedule has none. */
export function actorName(actor: Actor | null): string {
  return actor ? actor.name : "system";
}

/** Writes one history row. */
export async function recordArticleHistory(
  manager: EntityManager,
  input: { article: Pick<Article, "id" | "versionNumber">; action: ArticleAction; from: ArticleStatus | null; to: ArticleStatus; actor: Actor | null; comment?: string | null },
): Promise<void> {
  await manager.insert(ArticleHistory, {
    articleId: input.article.id,
    versionNumber: input.article.versionNumber,
    action: input.action,
    fromStatus: input.from,
    toStatus: input.to,
    actorId: input.actor?.id ?? null,
    actorName: actorName(input.actor),
    comment: input.comment ?? null,
  });
}

/** Writes the snapshot of an article's current content as its version `versionNumber`. */
export async function writeVersion(manager: EntityManager, article: Article, createdBy: string, changeNote: string | null): Promise<void> {
  await manager.insert(ArticleVersion, {
    articleId: article.id,
    number: article.versionNumber,
    title: article.title,
    summary: article.summary,
    body: article.body,
    keywords: article.keywords,
    categoryIds: article.categoryIds,
    owningUnitId: article.owningUnitId,
    audience: article.audience,
    language: article.language,
    effectiveFrom: article.effectiveFrom,
    expiresOn: article.expiresOn,
    source: article.source,
    createdBy,
    changeNote,
  });
}

/** Loads an article for a change, locked for the transaction; checks the lock token when given. An id that is no UUID is not found. */
export async function lockArticle(manager: EntityManager, id: string, expectedLockVersion?: number): Promise<Article> {
  const article = isUuid(id) ? await manager.findOne(Article, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!article) {
    throw articleNotFound();
  }
  if (expectedLockVersion !== undefined && article.lockVersion !== expectedLockVersion) {
    throw new ConflictError();
  }
  return article;
}

type TransitionExtras = Partial<Pick<Article, "reviewerId" | "reviewComment" | "publishedAt" | "reviewedVersion" | "warnedAt">>;

/**
 * Moves a locked article to another status if the machine allows it, bumps its lock version,
 * and writes exactly one history row. `set` carries the fields that change with the status.
 */
export async function transitionArticle(
  manager: EntityManager,
  input: { article: Article; to: ArticleStatus; action: ArticleAction; actor: Actor | null; comment?: string | null; set?: TransitionExtras },
): Promise<Article> {
  const { article } = input;
  if (!canTransition(article.status, input.to)) {
    throw invalidTransition(article.status, input.to);
  }
  const result = await manager
    .createQueryBuilder()
    .update(Article)
    .set({ status: input.to, ...input.set })
    .where("id = :id AND lock_version = :lockVersion", { id: article.id, lockVersion: article.lockVersion })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError();
  }
  await recordArticleHistory(manager, { article, action: input.action, from: article.status, to: input.to, actor: input.actor, comment: input.comment });
  return manager.findOneByOrFail(Article, { id: article.id });
}
