import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { ArticleAudience, ArticleLanguage, ArticleStatus } from "./article.enums.js";

/**
 * A knowledge-base article: the current version's content, denormalised for search, plus its
 * status. Past versions are snapshots in knowledge_article_version.
 *
 * Hand-made indexes (in the migration, `synchronize: false` here): GIN on `search_vector` and
 * `search_head`, GIN (pg_trgm) on `search_text`, GIN on `category_ids`.
 */
@Entity({ name: "knowledge_article" })
@Index("knowledge_article_status_expires_idx", ["status", "expiresOn"])
@Index("knowledge_article_search_vector_idx", { synchronize: false })
@Index("knowledge_article_search_head_idx", { synchronize: false })
@Index("knowledge_article_search_text_trgm_idx", { synchronize: false })
@Index("knowledge_article_category_ids_idx", { synchronize: false })
export class Article {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  status!: ArticleStatus;

  @Column({ type: "text" })
  title!: string;

  @Column({ type: "text" })
  summary!: string;

  /** Markdown source. */
  @Column({ type: "text" })
  body!: string;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  keywords!: string[];

  /** Categories of the shared tree (intake_category ids); filter with `&&`. */
  @Column({ name: "category_ids", type: "uuid", array: true, default: () => "'{}'" })
  categoryIds!: string[];

  @Index("knowledge_article_owning_unit_idx")
  @Column({ name: "owning_unit_id", type: "uuid", nullable: true })
  owningUnitId!: string | null;

  @Column({ type: "text" })
  audience!: ArticleAudience;

  @Column({ type: "text" })
  language!: ArticleLanguage;

  /** First calendar day (Asia/Shanghai) the policy applies. */
  @Column({ name: "effective_from", type: "date" })
  effectiveFrom!: string;

  /** Last calendar day the policy applies; null when open-ended. */
  @Column({ name: "expires_on", type: "date", nullable: true })
  expiresOn!: string | null;

  @Column({ type: "text", nullable: true })
  source!: string | null;

  /** Number of the current version (1 … n). */
  @Column({ name: "version_number", type: "integer", default: 1 })
  versionNumber!: number;

  /** The last version a reviewer approved; versions after it are the change set under review. */
  @Column({ name: "reviewed_version", type: "integer", nullable: true })
  reviewedVersion!: number | null;

  /**
   * A change to a published article under way: the number of its newest version (above
   * `versionNumber`, in knowledge_article_version). The article's own columns keep the version in
   * force until a reviewer approves the change; null when there is none.
   */
  @Column({ name: "pending_version", type: "integer", nullable: true })
  pendingVersion!: number | null;

  /** Where the change is: DRAFT (being edited, or sent back) or IN_REVIEW; null when there is none. */
  @Index("knowledge_article_pending_state_idx", { where: "pending_state IS NOT NULL" })
  @Column({ name: "pending_state", type: "text", nullable: true })
  pendingState!: ArticleStatus.DRAFT | ArticleStatus.IN_REVIEW | null;

  /** Who last edited the change under way. */
  @Column({ name: "pending_author_id", type: "uuid", nullable: true })
  pendingAuthorId!: string | null;

  /** Author of the current version. */
  @Index("knowledge_article_author_idx")
  @Column({ name: "author_id", type: "uuid" })
  authorId!: string;

  @Column({ name: "reviewer_id", type: "uuid", nullable: true })
  reviewerId!: string | null;

  /** Staff only: never shown to citizens. */
  @Column({ name: "review_comment", type: "text", nullable: true })
  reviewComment!: string | null;

  /** When the article was first published. */
  @Index("knowledge_article_published_at_idx")
  @Column({ name: "published_at", type: "timestamptz", nullable: true })
  publishedAt!: Date | null;

  @Column({ name: "usage_count", type: "integer", default: 0 })
  usageCount!: number;

  /** When the owners were warned of the coming expiry (once per expiry date). */
  @Column({ name: "warned_at", type: "timestamptz", nullable: true })
  warnedAt!: Date | null;

  /** Weighted tokens (title and keywords A, summary B, body C) built in code; see search-document.ts. */
  @Column({ name: "search_vector", type: "tsvector", select: false })
  searchVector!: string;

  /** Title and keywords only (weight A): searched and ranked first, cheaply, being small. */
  @Column({ name: "search_head", type: "tsvector", select: false })
  searchHead!: string;

  /** Normalised title and keywords, for the pg_trgm / ILIKE fallbacks. */
  @Column({ name: "search_text", type: "text", select: false })
  searchText!: string;

  @VersionColumn({ name: "lock_version", type: "integer" })
  lockVersion!: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
