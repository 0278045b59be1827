import { ConflictError, dayOf, ForbiddenError, requireRole, ValidationError, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { articleNotFound, invalidTransition, reviewerIsAuthor } from "../knowledge.errors.js";
import { EDITOR_ROLES, isReviewer, mayRead, mayWrite, REVIEWER_ROLES } from "./article-access.js";
import { ArticleAction } from "./article-history.entity.js";
import { lockArticle, transitionArticle } from "./article-lifecycle.js";
import { applyChange, sendChangeBack, submitChange } from "./article-change.js";
import { noticeReviewDecided, noticeReviewWaiting } from "./article-notices.js";
import { optionalComment } from "./review-comment.js";
import type { Article } from "./article.entity.js";
import { ArticleStatus, ReviewDecision } from "./article.enums.js";

type Db = DataSource | EntityManager;

/**
 * Who wrote the change set under review: the authors of every version after the last approved
 * one. None of them may approve it (four eyes), not only the author of the latest version.
 */
export async function contributorsOf(db: Db, articleIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows: Array<{ article_id: string; created_by: string }> = await db.query(
    `SELECT DISTINCT v.article_id, v.created_by FROM knowledge_article_version v
     JOIN knowledge_article a ON a.id = v.article_id
     WHERE v.article_id = ANY($1::uuid[]) AND v.number > coalesce(a.reviewed_version, 0)`,
    [articleIds],
  );
  const map = new Map<string, Set<string>>(articleIds.map((id) => [id, new Set<string>()]));
  for (const row of rows) {
    map.get(row.article_id)?.add(row.created_by);
  }
  return map;
}

async function lockForChange(manager: EntityManager, actor: Actor, id: string, lockVersion: number, allowed: (article: Article) => boolean): Promise<Article> {
  const article = await lockArticle(manager, id);
  if (!allowed(article)) {
    throw mayRead(actor, article) ? new ForbiddenError() : articleNotFound();
  }
  if (article.lockVersion !== lockVersion) {
    throw new ConflictError();
  }
  return article;
}

/** An editor submits a draft for review (DRAFT → IN_REVIEW). */
export async function submitArticleForReview(options: { db: Db; actor: Actor | null; id: string; lockVersion: number }): Promise<Article> {
  const actor = requireRole(options.actor, EDITOR_ROLES);
  return options.db.transaction(async (manager) => {
    const article = await lockForChange(manager, actor, options.id, options.lockVersion, (a) => mayWrite(actor, a));
    const submitted =
      article.status === ArticleStatus.PUBLISHED
        ? await submitChange(manager, article, actor)
        : await transitionArticle(manager, { article, to: ArticleStatus.IN_REVIEW, action: ArticleAction.SUBMITTED, actor });
    const contributors = (await contributorsOf(manager, [article.id])).get(article.id)!;
    await noticeReviewWaiting(manager, { article: submitted, version: submitted.pendingVersion ?? submitted.versionNumber, actor, contributors });
    return submitted;
  });
}

/**
 * A reviewer approves (→ PUBLISHED) or sends back with a comment (→ DRAFT) an article in review.
 * The reviewer must not have written any version of the change set (KNOWLEDGE/REVIEWER_IS_AUTHOR);
 * an article whose expiry date has passed cannot be approved until the date is changed.
 */
export async function reviewArticle(options: {
  db: Db;
  actor: Actor | null;
  id: string;
  lockVersion: number;
  decision: ReviewDecision;
  comment?: string | null;
  today?: string;
}): Promise<Article> {
  const actor = requireRole(options.actor, REVIEWER_ROLES);
  const comment = optionalComment(options.comment);
  if (options.decision === ReviewDecision.SEND_BACK && !comment) {
    throw new ValidationError([{ field: "comment", code: "REQUIRED", message: "Say what needs changing when sending an article back." }]);
  }
  return options.db.transaction(async (manager) => {
    const article = await lockForChange(manager, actor, options.id, options.lockVersion, () => isReviewer(actor));
    if (article.status === ArticleStatus.PUBLISHED && article.pendingState === ArticleStatus.IN_REVIEW) {
      return reviewChange(manager, { article, actor, decision: options.decision, comment, today: options.today });
    }
    if (article.status !== ArticleStatus.IN_REVIEW) {
      throw invalidTransition(article.status, options.decision === ReviewDecision.APPROVE ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT);
    }
    const contributors = (await contributorsOf(manager, [article.id])).get(article.id)!;
    if (contributors.has(actor.id) || article.authorId === actor.id) {
      throw reviewerIsAuthor();
    }
    const decided = { article, version: article.versionNumber, actor, editors: [...contributors, article.authorId], comment };
    if (options.decision === ReviewDecision.SEND_BACK) {
      await noticeReviewDecided(manager, { ...decided, outcome: "sentBack" });
      return transitionArticle(manager, {
        article,
        to: ArticleStatus.DRAFT,
        action: ArticleAction.SENT_BACK,
        actor,
        comment,
        set: { reviewerId: actor.id, reviewComment: comment },
      });
    }
    const today = options.today ?? dayOf(new Date());
    if (article.expiresOn !== null && article.expiresOn < today) {
      throw invalidTransition(article.status, ArticleStatus.PUBLISHED, "This article's expiry date has passed; send it back to have the date changed.");
    }
    await noticeReviewDecided(manager, { ...decided, outcome: "approved" });
    return transitionArticle(manager, {
      article,
      to: ArticleStatus.PUBLISHED,
      action: ArticleAction.APPROVED,
      actor,
      comment,
      set: { reviewerId: actor.id, reviewComment: comment, publishedAt: article.publishedAt ?? new Date(), reviewedVersion: article.versionNumber, warnedAt: null },
    });
  });
}

/** A reviewer decides on a published article's change: never one they wrote a version of (four eyes). */
async function reviewChange(
  manager: EntityManager,
  input: { article: Article; actor: Actor; decision: ReviewDecision; comment: string | null; today?: string },
): Promise<Article> {
  const { article, actor } = input;
  const contributors = (await contributorsOf(manager, [article.id])).get(article.id)!;
  if (contributors.has(actor.id) || article.pendingAuthorId === actor.id) {
    throw reviewerIsAuthor();
  }
  const decided = { article, version: article.pendingVersion!, actor, editors: [...contributors, article.pendingAuthorId ?? article.authorId], comment: input.comment };
  if (input.decision === ReviewDecision.SEND_BACK) {
    await noticeReviewDecided(manager, { ...decided, outcome: "sentBack" });
    return sendChangeBack(manager, article, actor, input.comment!);
  }
  const applied = await applyChange(manager, { article, actor, action: ArticleAction.APPROVED, comment: input.comment, today: input.today });
  await noticeReviewDecided(manager, { ...decided, outcome: "approved" });
  return applied;
}

/** Withdraws an article for good (any status but ARCHIVED → ARCHIVED): its editors or a reviewer. */
export async function archiveArticle(options: { db: Db; actor: Actor | null; id: string; lockVersion: number }): Promise<Article> {
  const actor = requireRole(options.actor, EDITOR_ROLES);
  return options.db.transaction(async (manager) => {
    const article = await lockForChange(manager, actor, options.id, options.lockVersion, (a) => mayWrite(actor, a) || isReviewer(actor));
    return transitionArticle(manager, { article, to: ArticleStatus.ARCHIVED, action: ArticleAction.ARCHIVED, actor });
  });
}
