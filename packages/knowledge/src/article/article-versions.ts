import { requireRole, type Actor } from "@civicline/platform";
import { diffArrays, diffWords } from "diff";
import type { DataSource, EntityManager } from "typeorm";
import { DomainError } from "@civicline/platform";
import { KnowledgeErrorCode } from "../knowledge.errors.js";
import { mayReadChange, READER_ROLES } from "./article-access.js";
import { getArticle } from "./article-queries.js";
import { ArticleVersion } from "./article-version.entity.js";
import { DiffKind } from "./article.enums.js";

export type DiffSegment = { kind: DiffKind; text: string };
export type ArticleDiff = { fromVersion: number; toVersion: number; title: DiffSegment[]; summary: DiffSegment[]; body: DiffSegment[]; keywords: DiffSegment[] };

type Change = { value: string; added?: boolean; removed?: boolean };

/** Word segmentation that knows Chinese (ICU's dictionary) as well as spaces and punctuation. */
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

function kindOf(change: { added?: boolean; removed?: boolean }): DiffKind {
  return change.added ? DiffKind.ADDED : change.removed ? DiffKind.REMOVED : DiffKind.SAME;
}

/** A readable word-level diff (Chinese segmented into words by ICU, not single characters). */
export function diffText(before: string, after: string): DiffSegment[] {
  return (diffWords(before, after, { intlSegmenter: segmenter }) as Change[]).map((change) => ({ kind: kindOf(change), text: change.value }));
}

/** Keywords compared as a list: one segment per keyword. */
export function diffKeywords(before: string[], after: string[]): DiffSegment[] {
  return diffArrays(before, after).flatMap((change) => change.value.map((keyword) => ({ kind: kindOf(change), text: keyword })));
}

/** Compares two versions of an article the viewer may read. */
export async function diffArticleVersions(options: {
  db: DataSource | EntityManager;
  actor: Actor | null;
  id: string;
  fromVersion: number;
  toVersion: number;
}): Promise<ArticleDiff> {
  requireRole(options.actor, READER_ROLES);
  const article = await getArticle(options);
  const versions = await options.db.getRepository(ArticleVersion).findBy({ articleId: article.id });
  // Versions above the one in force are a change under way: only for those who may see it.
  const visible = mayReadChange(options.actor, article) ? versions : versions.filter((v) => v.number <= article.versionNumber);
  const from = visible.find((v) => v.number === options.fromVersion);
  const to = visible.find((v) => v.number === options.toVersion);
  if (!from || !to) {
    throw new DomainError(KnowledgeErrorCode.VERSION_NOT_FOUND, "This article has no such version.", {
      fields: [{ field: from ? "toVersion" : "fromVersion", code: "UNKNOWN", message: "This article has no such version." }],
    });
  }
  return {
    fromVersion: from.number,
    toVersion: to.number,
    title: diffText(from.title, to.title),
    summary: diffText(from.summary, to.summary),
    body: diffText(from.body, to.body),
    keywords: diffKeywords(from.keywords, to.keywords),
  };
}
