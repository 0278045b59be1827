import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ArticleStatus } from "./article.enums.js";

/** What happened to an article. */
export enum ArticleAction {
  CREATED = "CREATED",
  EDITED = "EDITED",
  SUBMITTED = "SUBMITTED",
  APPROVED = "APPROVED",
  /** A supervisor or admin put a change in force at once, without a second reviewer (urgent correction). */
  URGENT_APPROVED = "URGENT_APPROVED",
  SENT_BACK = "SENT_BACK",
  EXPIRED = "EXPIRED",
  ARCHIVED = "ARCHIVED",
  IMPORTED = "IMPORTED",
}

/** One step of an article's life (status changes and edits). Append-only. */
@Entity({ name: "knowledge_article_history" })
@Index("knowledge_article_history_article_idx", ["articleId", "at"])
@Index("knowledge_article_history_action_at_idx", ["action", "at"])
export class ArticleHistory {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "article_id", type: "uuid" })
  articleId!: string;

  /** The version the step concerns. */
  @Column({ name: "version_number", type: "integer" })
  versionNumber!: number;

  @Column({ type: "text" })
  action!: ArticleAction;

  @Column({ name: "from_status", type: "text", nullable: true })
  fromStatus!: ArticleStatus | null;

  @Column({ name: "to_status", type: "text" })
  toStatus!: ArticleStatus;

  /** Null for the system (the expiry schedule). */
  @Column({ name: "actor_id", type: "uuid", nullable: true })
  actorId!: string | null;

  @Column({ name: "actor_name", type: "text" })
  actorName!: string;

  @Column({ type: "text", nullable: true })
  comment!: string | null;

  @Column({ type: "timestamptz", default: () => "now()" })
  at!: Date;
}
