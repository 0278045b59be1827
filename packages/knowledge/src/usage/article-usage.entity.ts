import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One use of an article by a call-taker, optionally for a ticket. A ticket counts an article once. */
@Entity({ name: "knowledge_article_usage" })
@Index("knowledge_article_usage_article_at_idx", ["articleId", "usedAt"])
@Index("knowledge_article_usage_ticket_key", ["articleId", "ticketId"], { unique: true, where: "ticket_id IS NOT NULL" })
export class ArticleUsage {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "article_id", type: "uuid" })
  articleId!: string;

  @Column({ name: "ticket_id", type: "uuid", nullable: true })
  ticketId!: string | null;

  @Column({ name: "used_by", type: "uuid", nullable: true })
  usedBy!: string | null;

  /** The version in force when it was used (what the call-taker read out); null for uses recorded before versions were kept. */
  @Column({ name: "version_number", type: "integer", nullable: true })
  versionNumber!: number | null;

  @Column({ name: "used_at", type: "timestamptz", default: () => "now()" })
  usedAt!: Date;
}
