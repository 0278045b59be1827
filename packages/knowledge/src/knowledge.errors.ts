import { DomainError } from "@civicline/platform";
import type { ArticleStatus } from "./article/article.enums.js";

/** Error codes the knowledge base raises (clients branch on them). */
export const KnowledgeErrorCode = {
  ARTICLE_NOT_FOUND: "KNOWLEDGE/ARTICLE_NOT_FOUND",
  INVALID_TRANSITION: "KNOWLEDGE/INVALID_TRANSITION",
  REVIEWER_IS_AUTHOR: "KNOWLEDGE/REVIEWER_IS_AUTHOR",
  IMPORT_NOT_FOUND: "KNOWLEDGE/IMPORT_NOT_FOUND",
  VERSION_NOT_FOUND: "KNOWLEDGE/VERSION_NOT_FOUND",
  NO_PENDING_CHANGE: "KNOWLEDGE/NO_PENDING_CHANGE",
} as const;

/** The same answer for a missing article and one the caller may not see. */
export function articleNotFound(): DomainError {
  return new DomainError(KnowledgeErrorCode.ARTICLE_NOT_FOUND, "This article does not exist or is not available to you.");
}

export function invalidTransition(from: ArticleStatus, to: ArticleStatus | "EDITED", why?: string): DomainError {
  const action = to === "EDITED" ? "be edited" : `become ${to}`;
  return new DomainError(KnowledgeErrorCode.INVALID_TRANSITION, why ?? `An article that is ${from} cannot ${action}.`, { from, to });
}

export function reviewerIsAuthor(): DomainError {
  return new DomainError(
    KnowledgeErrorCode.REVIEWER_IS_AUTHOR,
    "You wrote or edited this version, so another reviewer must review it.",
  );
}

export function importNotFound(): DomainError {
  return new DomainError(KnowledgeErrorCode.IMPORT_NOT_FOUND, "This import does not exist or was started by someone else.");
}

/** An urgent approval of a published article that has no change under way. */
export function pendingChangeRequired(): DomainError {
  return new DomainError(KnowledgeErrorCode.NO_PENDING_CHANGE, "This article has no change waiting to be put in force.");
}
