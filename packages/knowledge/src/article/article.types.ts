import { CategoryType } from "@civicline/intake";
import { UnitType } from "@civicline/routing";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ArticleAction } from "./article-history.entity.js";
import { ArticleAudience, ArticleLanguage, ArticleStatus, DiffKind } from "./article.enums.js";

registerEnumType(ArticleAction, {
  name: "ArticleAction",
  description: "A step of an article's life, as its history records it.",
  valuesConfig: {
    CREATED: { description: "Written as a new draft." },
    EDITED: { description: "Content changed (a new version; for a published article, a version of the change under way)." },
    SUBMITTED: { description: "Submitted for review." },
    APPROVED: { description: "Approved by a reviewer who wrote none of it: published, or the change put in force." },
    URGENT_APPROVED: { description: "A change put in force at once by a supervisor or admin, without a second reviewer (urgent correction)." },
    SENT_BACK: { description: "Sent back by a reviewer with a note." },
    EXPIRED: { description: "Past its expiry date." },
    ARCHIVED: { description: "Withdrawn for good." },
    IMPORTED: { description: "Imported from a file." },
  },
});

@ObjectType("ArticleHistoryEntry", { description: "One step of an article's life. Staff who may edit or review the article only." })
export class ArticleHistoryEntryType {
  @Field(() => ArticleAction, { description: "What happened." })
  action!: ArticleAction;

  @Field(() => Int, { description: "The version the step concerns." })
  versionNumber!: number;

  @Field(() => ArticleStatus, { nullable: true, description: "The article's status before (null when it was created)." })
  fromStatus!: ArticleStatus | null;

  @Field(() => ArticleStatus, { description: "The article's status after." })
  toStatus!: ArticleStatus;

  @Field({ description: "Who did it (\"system\" for the expiry schedule)." })
  actorName!: string;

  @Field(() => String, { nullable: true, description: "The change note, reviewer's note or urgent reason." })
  comment!: string | null;

  @Field({ description: "When." })
  at!: Date;
}

@ObjectType("StaffRef", { description: "A staff member as others see them." })
export class StaffRefType {
  @Field(() => ID, { description: "User id." })
  id!: string;

  @Field({ description: "Name shown to colleagues." })
  displayName!: string;
}

@ObjectType("ArticleVersion", { description: "A snapshot of an article's content; every edit writes one." })
export class ArticleVersionType {
  @Field(() => Int, { description: "Version number, 1 … n." })
  number!: number;

  @Field({ description: "Title in this version." })
  title!: string;

  @Field({ description: "Summary in this version." })
  summary!: string;

  @Field({ description: "Markdown body in this version." })
  body!: string;

  @Field(() => [String], { description: "Keywords and synonyms in this version." })
  keywords!: string[];

  @Field({ description: "When this version was written." })
  createdAt!: Date;

  @Field(() => StaffRefType, { description: "Who wrote this version." })
  createdBy!: StaffRefType;

  @Field(() => String, { nullable: true, description: "What changed, in the editor's words." })
  changeNote!: string | null;

  @Field(() => [ID], { description: "Category ids in this version." })
  categoryIds!: string[];

  @Field(() => ID, { nullable: true, description: "Owning unit id in this version." })
  owningUnitId!: string | null;

  @Field(() => ArticleAudience, { description: "Audience in this version." })
  audience!: ArticleAudience;

  @Field(() => ArticleLanguage, { description: "Language in this version." })
  language!: ArticleLanguage;

  @Field({ description: "First day the policy applies in this version (YYYY-MM-DD)." })
  effectiveFrom!: string;

  @Field(() => String, { nullable: true, description: "Last day the policy applies in this version (YYYY-MM-DD); null when open-ended." })
  expiresOn!: string | null;

  @Field(() => String, { nullable: true, description: "Contact or source in this version." })
  source!: string | null;
}

@ObjectType("ArticleChange", {
  description: "A change to a published article under way: a draft of its next version, in force only once a reviewer who did not write it approves it.",
})
export class ArticleChangeType {
  @Field(() => ArticleStatus, { description: "DRAFT (being edited, or sent back with the reviewer's note) or IN_REVIEW." })
  state!: ArticleStatus;

  @Field(() => ArticleVersionType, { description: "The newest version of the change (diff it against the article's versionNumber, the version in force)." })
  version!: ArticleVersionType;

  @Field(() => StaffRefType, { description: "Who last edited the change." })
  editor!: StaffRefType;
}

@ObjectType("Article", { description: "A knowledge-base article: a policy answer call-takers (and, when public, citizens) read." })
export class ArticleType {
  @Field(() => ID, { description: "Article id." })
  id!: string;

  @Field({ description: "Title." })
  title!: string;

  @Field({ description: "One or two sentences a call-taker can read out." })
  summary!: string;

  @Field({ description: "Markdown source. Clients render it without raw HTML (no script injection)." })
  body!: string;

  @Field(() => ArticleStatus, { description: "Where the article is in its life." })
  status!: ArticleStatus;

  @Field(() => ArticleAudience, { description: "Staff only, or also citizens." })
  audience!: ArticleAudience;

  @Field(() => ArticleLanguage, { description: "Language of the text." })
  language!: ArticleLanguage;

  @Field(() => [CategoryType], { description: "Categories of the shared request category tree." })
  categories!: CategoryType[];

  @Field(() => [String], { description: "Keywords and synonyms searched like the title." })
  keywords!: string[];

  @Field(() => UnitType, { nullable: true, description: "The unit responsible for the policy." })
  owningUnit!: UnitType | null;

  @Field({ description: "First day the policy applies (YYYY-MM-DD, Asia/Shanghai)." })
  effectiveFrom!: string;

  @Field(() => String, { nullable: true, description: "Last day the policy applies (YYYY-MM-DD); null when open-ended." })
  expiresOn!: string | null;

  @Field(() => String, { nullable: true, description: "Contact or source of the policy (e.g. 淄博市教育局 0533-xxxxxxx, 文件号)." })
  source!: string | null;

  @Field(() => Int, { description: "The version in force (or, for a draft, the current one), 1 … n; a change to a published article is a newer version in pendingChange." })
  versionNumber!: number;

  @Field(() => Int, { description: "Optimistic-locking token: send it back with every change; a stale one gives CONFLICT." })
  lockVersion!: number;

  @Field(() => StaffRefType, { description: "Author of the current version (to citizens: the hotline's knowledge team)." })
  author!: StaffRefType;

  @Field(() => StaffRefType, { nullable: true, description: "Who last reviewed it. Staff only (null for citizens)." })
  reviewer!: StaffRefType | null;

  @Field(() => String, { nullable: true, description: "The reviewer's comment. Staff only (null for citizens)." })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true, description: "When the article was first published." })
  publishedAt!: Date | null;

  @Field({ description: "When the article last changed." })
  updatedAt!: Date;

  @Field(() => Int, { description: "How many times call-takers used it to answer." })
  usageCount!: number;

  @Field({ description: "Published, effective today and not past its expiry date." })
  inForce!: boolean;

  @Field({ description: "Whether the viewer may edit this article now." })
  canEdit!: boolean;

  @Field({ description: "Whether the viewer may review this article (or its change) now: in review, and not written by them." })
  canReview!: boolean;

  @Field(() => ArticleChangeType, {
    nullable: true,
    description: "The change under way to this published article (waiting for review, or sent back). Its editors and reviewers only; null for everyone else.",
  })
  pendingChange!: ArticleChangeType | null;

  @Field({ description: "Whether the viewer may put the change under way in force at once (urgent correction: supervisors and admins)." })
  canApproveUrgently!: boolean;

  @Field(() => [ArticleHistoryEntryType], { description: "Every step of its life, oldest first (an urgent approval shows as URGENT_APPROVED). Its editors and reviewers only; empty for everyone else." })
  history!: ArticleHistoryEntryType[];

  @Field(() => [ArticleVersionType], { description: "Every version, newest first; versions of a change under way only for those who may see it. Staff only (empty for citizens)." })
  versions!: ArticleVersionType[];
}

@ObjectType("DiffSegment", { description: "A piece of text and how it changed." })
export class DiffSegmentType {
  @Field(() => DiffKind, { description: "Same, added or removed." })
  kind!: DiffKind;

  @Field({ description: "The text of the piece." })
  text!: string;
}

@ObjectType("ArticleDiff", { description: "What changed between two versions, field by field (word-level for English, character-level for Chinese)." })
export class ArticleDiffType {
  @Field(() => Int, { description: "The older version." })
  fromVersion!: number;

  @Field(() => Int, { description: "The newer version." })
  toVersion!: number;

  @Field(() => [DiffSegmentType], { description: "Changes to the title." })
  title!: DiffSegmentType[];

  @Field(() => [DiffSegmentType], { description: "Changes to the summary." })
  summary!: DiffSegmentType[];

  @Field(() => [DiffSegmentType], { description: "Changes to the body." })
  body!: DiffSegmentType[];

  @Field(() => [DiffSegmentType], { description: "Changes to the keywords (one per line)." })
  keywords!: DiffSegmentType[];
}

@ObjectType("HighlightSegment", { description: "A piece of displayed text; matched pieces are marked. Plain text, never HTML." })
export class HighlightSegmentType {
  @Field({ description: "The text." })
  text!: string;

  @Field({ description: "Whether it matched the query." })
  match!: boolean;
}

@ObjectType("ArticleSearchHit", { description: "An article found by a search, with highlights." })
export class ArticleSearchHitType {
  @Field(() => ArticleType, { description: "The article." })
  article!: ArticleType;

  @Field(() => Float, { description: "Relevance (higher is better; comparable within one search only)." })
  score!: number;

  @Field(() => [HighlightSegmentType], { description: "The title with the matches marked." })
  titleHighlight!: HighlightSegmentType[];

  @Field(() => [HighlightSegmentType], { description: "An excerpt around the first match in the body (or the summary)." })
  snippet!: HighlightSegmentType[];
}

@ObjectType("ArticleSearchResult", { description: "A page of search hits, best first." })
export class ArticleSearchResultType {
  @Field(() => Int, { description: "How many articles matched, counted up to 1,000 (1,000 means 1,000 or more)." })
  total!: number;

  @Field(() => [ArticleSearchHitType], { description: "This page of hits." })
  hits!: ArticleSearchHitType[];
}

@ObjectType("ArticlePage", { description: "A page of articles." })
export class ArticlePageType {
  @Field(() => Int, { description: "How many articles match the filter." })
  total!: number;

  @Field(() => [ArticleType], { description: "This page." })
  items!: ArticleType[];
}
