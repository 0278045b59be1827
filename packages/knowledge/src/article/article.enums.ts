import { registerEnumType } from "type-graphql";

/** Where an article is in its life; only article-lifecycle.ts changes it. */
export enum ArticleStatus {
  DRAFT = "DRAFT",
  IN_REVIEW = "IN_REVIEW",
  PUBLISHED = "PUBLISHED",
  EXPIRED = "EXPIRED",
  ARCHIVED = "ARCHIVED",
}

/** Who may read an article. */
export enum ArticleAudience {
  INTERNAL = "INTERNAL",
  PUBLIC = "PUBLIC",
}

/** The language an article is written in. */
export enum ArticleLanguage {
  ZH_CN = "ZH_CN",
  EN = "EN",
}

/** A reviewer's decision on an article in review. */
export enum ReviewDecision {
  APPROVE = "APPROVE",
  SEND_BACK = "SEND_BACK",
}

/** What a diff segment is relative to the older version. */
export enum DiffKind {
  SAME = "SAME",
  ADDED = "ADDED",
  REMOVED = "REMOVED",
}

registerEnumType(ArticleStatus, {
  name: "ArticleStatus",
  description: "Where a knowledge-base article is in its life.",
  valuesConfig: {
    DRAFT: { description: "Being written or sent back for changes; not offered to call-takers." },
    IN_REVIEW: { description: "Submitted; waiting for a reviewer who is not its author." },
    PUBLISHED: { description: "Approved; offered to call-takers (and citizens, when public) while in force." },
    EXPIRED: { description: "Past its expiry date; no longer offered." },
    ARCHIVED: { description: "Withdrawn for good; kept for the record." },
  },
});
registerEnumType(ArticleAudience, {
  name: "ArticleAudience",
  description: "Who may read an article.",
  valuesConfig: {
    INTERNAL: { description: "Hotline staff only." },
    PUBLIC: { description: "Staff, and citizens on the portal once published and in force." },
  },
});
registerEnumType(ArticleLanguage, {
  name: "ArticleLanguage",
  description: "The language an article is written in.",
  valuesConfig: { ZH_CN: { description: "Simplified Chinese." }, EN: { description: "English." } },
});
registerEnumType(ReviewDecision, {
  name: "ReviewDecision",
  description: "A reviewer's decision.",
  valuesConfig: {
    APPROVE: { description: "Publish the article." },
    SEND_BACK: { description: "Return it to the author as a draft, with a comment." },
  },
});
registerEnumType(DiffKind, {
  name: "DiffKind",
  description: "How a piece of text changed between two versions.",
  valuesConfig: {
    SAME: { description: "In both versions." },
    ADDED: { description: "Only in the newer version." },
    REMOVED: { description: "Only in the older version." },
  },
});
