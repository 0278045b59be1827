import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { RequestType } from "../../ticket/ticket.enums.js";
import type { CategoryFieldDefinition } from "../category-field.js";

/** What an admin did to a category at one version. */
export enum CategoryChange {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  MOVED = "MOVED",
  DEACTIVATED = "DEACTIVATED",
  REACTIVATED = "REACTIVATED",
}

/** A category as it was saved at one version: who changed what, when. Append-only (like routing's dispatch rule versions). */
@Entity({ name: "intake_category_version" })
@Index("intake_category_version_key", ["categoryId", "version"], { unique: true })
export class CategoryVersion {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "category_id", type: "uuid" })
  categoryId!: string;

  @Column({ type: "integer" })
  version!: number;

  @Column({ type: "text" })
  change!: CategoryChange;

  @Column({ type: "text" })
  code!: string;

  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Column({ name: "name_en", type: "text" })
  nameEn!: string;

  @Column({ name: "parent_id", type: "uuid", nullable: true })
  parentId!: string | null;

  @Column({ type: "boolean" })
  selectable!: boolean;

  @Column({ name: "sort_order", type: "integer" })
  sortOrder!: number;

  @Column({ type: "boolean" })
  active!: boolean;

  @Column({ type: "jsonb" })
  fields!: CategoryFieldDefinition[];

  @Column({ name: "template_zh", type: "text", nullable: true })
  templateZh!: string | null;

  @Column({ name: "template_en", type: "text", nullable: true })
  templateEn!: string | null;

  @Column({ name: "request_types", type: "text", array: true })
  requestTypes!: RequestType[];

  @Column({ name: "sla_policy_id", type: "uuid", nullable: true })
  slaPolicyId!: string | null;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;

  @Column({ name: "updated_by_id", type: "uuid", nullable: true })
  updatedById!: string | null;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
