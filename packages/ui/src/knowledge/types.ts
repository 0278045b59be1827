/**
 * The knowledge-base shapes the shared screens need, mirroring the GraphQL contract (issue 3).
 * Each app generates its operations from the schema; the generated results are checked against
 * these types where the app hands them to the shared screens.
 */
export type ArticleStatus = "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "EXPIRED" | "ARCHIVED";
export type ArticleAudience = "INTERNAL" | "PUBLIC";
export type ArticleLanguage = "ZH_CN" | "EN";
export type ReviewDecision = "APPROVE" | "SEND_BACK";
export type DiffKind = "SAME" | "ADDED" | "REMOVED";
export type ImportJobStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED", "EXPIRED", "ARCHIVED"];
export const ARTICLE_AUDIENCES: readonly ArticleAudience[] = ["INTERNAL", "PUBLIC"];
export const ARTICLE_LANGUAGES: readonly ArticleLanguage[] = ["ZH_CN", "EN"];

/** A run of text; `match` marks the words that matched the search. */
export type HighlightSegment = { text: string; match: boolean };
/** A run of text that is the same, added or removed between two versions. */
export type DiffSegment = { kind: DiffKind; text: string };

/** Something with an id and a Chinese and English name (category, unit). */
export type NamedRef = { id: string; nameZh: string; nameEn?: string | null };
export type StaffRef = { id: string; displayName: string };

/** What <ArticleView> shows. Staff-only fields are optional so the portal can leave them out. */
export type ArticleViewData = {
  id: string;
  title: string;
  summary: string;
  body: string;
  categories: readonly NamedRef[];
  keywords: readonly string[];
  owningUnit: NamedRef | null;
  effectiveFrom: string;
  expiresOn: string | null;
  source: string | null;
  inForce: boolean;
  status?: ArticleStatus;
  audience?: ArticleAudience;
  language?: ArticleLanguage;
  versionNumber?: number;
  updatedAt?: string;
  publishedAt?: string | null;
  author?: StaffRef;
  usageCount?: number;
};

export type ArticleVersionSummary = {
  number: number;
  title: string;
  createdAt: string;
  createdBy: StaffRef;
  changeNote: string | null;
};

/** The content of one version, as a change under way carries it (`ArticleChange.version`). */
export type ArticleChangeVersion = {
  number: number;
  title: string;
  summary: string;
  body: string;
  keywords: readonly string[];
  categoryIds: readonly string[];
  owningUnitId: string | null;
  audience: ArticleAudience;
  language: ArticleLanguage;
  effectiveFrom: string;
  expiresOn: string | null;
  source: string | null;
  changeNote: string | null;
  createdAt: string;
};

/** A change to a published article under way: a draft of its next version, or one in review. */
export type ArticleChangeRecord = { state: ArticleStatus; editor: StaffRef; version: ArticleChangeVersion };

/** A step of an article's life (`ArticleHistoryEntry`). */
export type ArticleHistoryEntry = { action: string; versionNumber: number; actorName: string; comment: string | null; at: string };

/** One article as the editor loads it (`fragment KbArticleFields`). */
export type ArticleRecord = ArticleViewData & {
  status: ArticleStatus;
  audience: ArticleAudience;
  language: ArticleLanguage;
  versionNumber: number;
  lockVersion: number;
  updatedAt: string;
  author: StaffRef;
  reviewer: StaffRef | null;
  reviewComment: string | null;
  canEdit: boolean;
  canReview: boolean;
  canApproveUrgently: boolean;
  /** The change under way (published articles only; for its editors and reviewers). */
  pendingChange: ArticleChangeRecord | null;
  /** Every step, oldest first (its editors and reviewers; empty for others). */
  history?: readonly ArticleHistoryEntry[];
  versions: readonly ArticleVersionSummary[];
};

/** A row of the editor's "My articles" list. */
export type ArticleListItem = {
  id: string;
  title: string;
  status: ArticleStatus;
  audience: ArticleAudience;
  versionNumber: number;
  updatedAt: string;
  expiresOn: string | null;
  inForce: boolean;
  reviewComment: string | null;
  /** A change to the published article is under way (DRAFT) or waiting for review (IN_REVIEW). */
  pendingChange: { state: ArticleStatus } | null;
};

export type ArticleDiffRecord = {
  fromVersion: number;
  toVersion: number;
  title: readonly DiffSegment[];
  summary: readonly DiffSegment[];
  body: readonly DiffSegment[];
  keywords: readonly DiffSegment[];
};

/** `input ArticleInput` of the contract. */
export type ArticleInputValue = {
  title: string;
  summary: string;
  body: string;
  categoryIds: string[];
  keywords: string[];
  owningUnitId: string | null;
  audience: ArticleAudience;
  language: ArticleLanguage;
  effectiveFrom: string;
  expiresOn: string | null;
  source: string | null;
};

/** A node of the request category tree (flat, linked by parentId). */
export type CategoryNode = NamedRef & { parentId: string | null; selectable: boolean };
/** A handling unit the owning-unit select offers. */
export type UnitOption = NamedRef & { kind: string };
