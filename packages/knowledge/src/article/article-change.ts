import { ConflictError, dayOf, requireRole, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { articleLexicon } from "../search/search-document.js";
import { invalidTransition, pendingChangeRequired } from "../knowledge.errors.js";
import { REVIEWER_ROLES } from "./article-access.js";
import { addToLexicon, searchColumns } from "./article-editing.js";
import { ArticleAction } from "./article-history.entity.js";
import { lockArticle, recordArticleHistory, writeVersion } from "./article-lifecycle.js";
import type { CleanArticleFields } from "./article-validation.js";
import { ArticleVersion } from "./article-version.entity.js";
import { Article } from "./article.entity.js";
import { ArticleStatus } from "./article.enums.js";
import { noticeReviewDecided } from "./article-notices.js";
import { contributorsOf } from "./article-review.js";
import { requiredComment } from "./review-comment.js";

/**
 * Changes to a published article (issue 18). The article row keeps the version in force — search,
 * the call screen, the portal and direct answers read only that row — while the change is written
 * as versions above it (pendingVersion), submitted and reviewed by someone who did not write it.
 * Approval copies the change into the row in the same transaction; sending back keeps the version
 * in force and returns the change as a draft with the reviewer's note.
 */

type ChangeSet = Partial<Pick<Article, "pendingVersion" | "pendingState" | "pendingAuthorId" | "reviewerId" | "reviewComment">>;

/** Updates a locked article's change columns, guarded by its lock version (CONFLICT when it moved). */
async function setChange(manager: EntityManager, article: Article, set: ChangeSet | Record<string, unknown>): Promise<Article> {
  const result = await manager
    .createQueryBuilder()
    .update(Article)
    .set(set)
    .where("id = :id AND lock_version = :lockVersion", { id: article.id, lockVersion: article.lockVersion })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError();
  }
  return manager.findOneByOrFail(Article, { id: article.id });
}

/** The newest version number an article has, the change under way included. */
export function latestVersionNumber(article: Pick<Article, "versionNumber" | "pendingVersion">): number {
  return Math.max(article.versionNumber, article.pendingVersion ?? 0);
}

/**
 * An editor's edit of a PUBLISHED article: a new version of the change under way (the article's
 * content in force is untouched). A change in review must be sent back first.
 */
export async function editPublishedArticle(
  manager: EntityManager,
  input: { article: Article; actor: Actor; fields: CleanArticleFields; changeNote: string | null },
): Promise<Article> {
  const { article, actor } = input;
  if (article.pendingState === ArticleStatus.IN_REVIEW) {
    throw invalidTransition(article.status, "EDITED", "A change of this article is in review: a reviewer must send it back before it can be edited.");
  }
  const number = latestVersionNumber(article) + 1;
  await writeVersion(manager, { ...article, ...input.fields, versionNumber: number }, actor.id, input.changeNote);
  // A new change starts without the note of the last review (that one concerned the version in force).
  const fresh = article.pendingVersion === null ? { reviewComment: null } : {};
  const updated = await setChange(manager, article, { pendingVersion: number, pendingState: ArticleStatus.DRAFT, pendingAuthorId: actor.id, ...fresh });
  await recordArticleHistory(manager, {
    article: { id: article.id, versionNumber: number },
    action: ArticleAction.EDITED,
    from: article.status,
    to: article.status,
    actor,
    comment: input.changeNote,
  });
  return updated;
}

/** Submits the change under way of a published article for review (its state DRAFT → IN_REVIEW). */
export async function submitChange(manager: EntityManager, article: Article, actor: Actor): Promise<Article> {
  if (article.pendingState !== ArticleStatus.DRAFT || article.pendingVersion === null) {
    throw invalidTransition(article.status, ArticleStatus.IN_REVIEW, "This article is published and has no change to submit; edit it first.");
  }
  const updated = await setChange(manager, article, { pendingState: ArticleStatus.IN_REVIEW });
  await recordArticleHistory(manager, {
    article: { id: article.id, versionNumber: article.pendingVersion },
    action: ArticleAction.SUBMITTED,
    from: article.status,
    to: article.status,
    actor,
  });
  return updated;
}

/** A reviewer sends a change back: the version in force stays, the change is a draft again with the note. */
export async function sendChangeBack(manager: EntityManager, article: Article, actor: Actor, comment: string): Promise<Article> {
  const updated = await setChange(manager, article, { pendingState: ArticleStatus.DRAFT, reviewerId: actor.id, reviewComment: comment });
  await recordArticleHistory(manager, {
    article: { id: article.id, versionNumber: article.pendingVersion! },
    action: ArticleAction.SENT_BACK,
    from: article.status,
    to: article.status,
    actor,
    comment,
  });
  return updated;
}

/**
 * Puts the change under way in force: its version's content becomes the article's, with fresh
 * search columns, in the caller's transaction (atomic for every reader). Used by the reviewer's
 * approval and by the urgent path.
 */
export async function applyChange(
  manager: EntityManager,
  input: { article: Article; actor: Actor; action: ArticleAction.APPROVED | ArticleAction.URGENT_APPROVED; comment: string | null; today?: string },
): Promise<Article> {
  const { article, actor } = input;
  const number = article.pendingVersion;
  if (number === null) {
    throw pendingChangeRequired();
  }
  const version = await manager.findOneByOrFail(ArticleVersion, { articleId: article.id, number });
  const fields: CleanArticleFields = {
    title: version.title,
    summary: version.summary,
    body: version.body,
    keywords: version.keywords,
    categoryIds: version.categoryIds,
    owningUnitId: version.owningUnitId,
    audience: version.audience,
    language: version.language,
    effectiveFrom: version.effectiveFrom,
    expiresOn: version.expiresOn,
    source: version.source,
  };
  const today = input.today ?? dayOf(new Date());
  if (fields.expiresOn !== null && fields.expiresOn < today) {
    throw invalidTransition(article.status, ArticleStatus.PUBLISHED, "This change's expiry date has passed; send it back to have the date changed.");
  }
  const updated = await setChange(manager, article, {
    ...fields,
    ...searchColumns(fields),
    versionNumber: number,
    reviewedVersion: number,
    authorId: article.pendingAuthorId ?? version.createdBy,
    reviewerId: actor.id,
    reviewComment: input.comment,
    pendingVersion: null,
    pendingState: null,
    pendingAuthorId: null,
    ...(fields.expiresOn !== article.expiresOn ? { warnedAt: null } : {}),
  });
  await recordArticleHistory(manager, { article: updated, action: input.action, from: article.status, to: updated.status, actor, comment: input.comment });
  await addToLexicon(manager, articleLexicon(fields));
  return updated;
}

/**
 * The urgent correction: a supervisor or admin puts a published article's change in force at once,
 * without a second reviewer, even one they wrote. A reason is required; the history records the
 * step as URGENT_APPROVED.
 */
export async function approveArticleChangeUrgently(options: {
  db: DataSource | EntityManager;
  actor: Actor | null;
  id: string;
  lockVersion: number;
  reason: string;
  today?: string;
}): Promise<Article> {
  const actor = requireRole(options.actor, REVIEWER_ROLES);
  const reason = requiredComment(options.reason, "reason", "Say why this correction cannot wait for a review.");
  return options.db.transaction(async (manager) => {
    const article = await lockArticle(manager, options.id, options.lockVersion);
    if (article.status !== ArticleStatus.PUBLISHED || article.pendingVersion === null) {
      throw pendingChangeRequired();
    }
    const contributors = (await contributorsOf(manager, [article.id])).get(article.id)!;
    const editors = [...contributors, article.pendingAuthorId ?? article.authorId];
    const applied = await applyChange(manager, { article, actor, action: ArticleAction.URGENT_APPROVED, comment: reason, today: options.today });
    await noticeReviewDecided(manager, { article: applied, version: applied.versionNumber, actor, editors, outcome: "urgentApproved", comment: reason });
    return applied;
  });
}
