import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ArticleAudience, ArticleLanguage } from "./article.enums.js";

/** A snapshot of an article's content. Append-only: one row per version, never updated. */
@Entity({ name: "knowledge_article_version" })
@Index("knowledge_article_version_key", ["articleId", "number"], { unique: true })
export class ArticleVersion {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "article_id", type: "uuid" })
  articleId!: string;

  @Column({ type: "integer" })
  number!: number;

  @Column({ type: "text" })
  title!: string;

  @Column({ type: "text" })
  summary!: string;

  @Column({ type: "text" })
  body!: string;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  keywords!: string[];

  @Column({ name: "category_ids", type: "uuid", array: true, default: () => "'{}'" })
  categoryIds!: string[];

  @Column({ name: "owning_unit_id", type: "uuid", nullable: true })
  owningUnitId!: string | null;

  @Column({ type: "text" })
  audience!: ArticleAudience;

  @Column({ type: "text" })
  language!: ArticleLanguage;

  @Column({ name: "effective_from", type: "date" })
  effectiveFrom!: string;

  @Column({ name: "expires_on", type: "date", nullable: true })
  expiresOn!: string | null;

  @Column({ type: "text", nullable: true })
  source!: string | null;

  @Column({ name: "created_by", type: "uuid" })
  createdBy!: string;

  @Column({ name: "change_note", type: "text", nullable: true })
  changeNote!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
