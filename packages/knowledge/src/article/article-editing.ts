import { ConflictError, ForbiddenError, normalizeText, requireRole, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { articleLexicon, buildSearchText, buildSearchVectors } from "../search/search-document.js";
import { ArticleAction } from "./article-history.entity.js";
import { EDITOR_ROLES, mayRead, mayWrite } from "./article-access.js";
import { lockArticle, recordArticleHistory, statusAfterEdit, writeVersion } from "./article-lifecycle.js";
import { LIMITS, validateArticleInput, type ArticleFields, type CleanArticleFields } from "./article-validation.js";
import { Article } from "./article.entity.js";
import { ArticleStatus } from "./article.enums.js";
import { articleNotFound } from "../knowledge.errors.js";
import { editPublishedArticle, latestVersionNumber } from "./article-change.js";

/** The derived search columns of an article's content. */
export function searchColumns(fields: CleanArticleFields): Pick<Article, "searchVector" | "searchHead" | "searchText"> {
  const { vector, head } = buildSearchVectors(fields);
  return { searchVector: vector, searchHead: head, searchText: buildSearchText(fields) };
}

/** Adds an article's words to the typo-correction lexicon. */
export async function addToLexicon(manager: EntityManager, words: string[]): Promise<void> {
  if (words.length > 0) {
    await manager.query("INSERT INTO knowledge_search_term (term) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING", [words]);
  }
}

/**
 * Inserts a new article at version 1 with its snapshot and first history row. Used by
 * `createArticle` (as a draft) and by imports (which may bring published articles).
 */
export async function insertArticle(
  manager: EntityManager,
  input: { fields: CleanArticleFields; status: ArticleStatus.DRAFT | ArticleStatus.PUBLISHED; actor: Actor; action: ArticleAction; changeNote?: string | null },
): Promise<Article> {
  const published = input.status === ArticleStatus.PUBLISHED;
  const article = manager.create(Article, {
    ...input.fields,
    ...searchColumns(input.fields),
    status: input.status,
    versionNumber: 1,
    authorId: input.actor.id,
    publishedAt: published ? new Date() : null,
  });
  await manager.insert(Article, article);
  await writeVersion(manager, article, input.actor.id, input.changeNote ?? null);
  await recordArticleHistory(manager, { article, action: input.action, from: null, to: input.status, actor: input.actor });
  return article;
}

/** An editor writes a new article: a draft at version 1. */
export async function createArticle(options: { db: DataSource | EntityManager; actor: Actor | null; input: ArticleFields }): Promise<Article> {
  const actor = requireRole(options.actor, EDITOR_ROLES);
  return options.db.transaction(async (manager) => {
    const fields = await validateArticleInput(manager, actor, options.input);
    const article = await insertArticle(manager, { fields, status: ArticleStatus.DRAFT, actor, action: ArticleAction.CREATED });
    await addToLexicon(manager, articleLexicon(fields));
    return manager.findOneByOrFail(Article, { id: article.id });
  });
}

/**
 * An editor changes an article's content: always a new version with its snapshot, authored by the
 * editor. Drafts stay drafts, expired ones become drafts again (see `statusAfterEdit`). A published
 * article keeps the version in force: the edit is a draft of its next version, put in force only
 * when a reviewer approves it (article-change.ts). A changed expiry date re-arms the expiry warning.
 * A stale `lockVersion` gives CONFLICT (two editors never silently overwrite each other).
 */
export async function updateArticle(options: {
  db: DataSource | EntityManager;
  actor: Actor | null;
  id: string;
  lockVersion: number;
  input: ArticleFields;
  changeNote?: string | null;
}): Promise<Article> {
  const actor = requireRole(options.actor, EDITOR_ROLES);
  return options.db.transaction(async (manager) => {
    const article = await lockArticle(manager, options.id);
    if (!mayWrite(actor, article)) {
      throw mayRead(actor, article) ? new ForbiddenError("You may not edit this article.") : articleNotFound();
    }
    if (article.lockVersion !== options.lockVersion) {
      throw new ConflictError();
    }
    const fields = await validateArticleInput(manager, actor, options.input);
    const changeNote = options.changeNote ? normalizeText(options.changeNote).slice(0, LIMITS.changeNote) || null : null;
    if (article.status === ArticleStatus.PUBLISHED) {
      return editPublishedArticle(manager, { article, actor, fields, changeNote });
    }
    const to = statusAfterEdit(article.status);
    const versionNumber = latestVersionNumber(article) + 1;
    const result = await manager
      .createQueryBuilder()
      .update(Article)
      .set({
        ...fields,
        ...searchColumns(fields),
        status: to,
        versionNumber,
        authorId: actor.id,
        pendingVersion: null,
        pendingState: null,
        pendingAuthorId: null,
        ...(fields.expiresOn !== article.expiresOn ? { warnedAt: null } : {}),
      })
      .where("id = :id AND lock_version = :lockVersion", { id: article.id, lockVersion: article.lockVersion })
      .execute();
    if (result.affected !== 1) {
      throw new ConflictError();
    }
    const updated = await manager.findOneByOrFail(Article, { id: article.id });
    await writeVersion(manager, updated, actor.id, changeNote);
    await recordArticleHistory(manager, { article: updated, action: ArticleAction.EDITED, from: article.status, to, actor, comment: changeNote });
    await addToLexicon(manager, articleLexicon(fields));
    return updated;
  });
}
