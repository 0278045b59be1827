import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { RequestType } from "../ticket/ticket.enums.js";
import type { CategoryFieldDefinition } from "./category-field.js";

/** A node of the category tree shared by tickets, routing and the knowledge base. */
@Entity({ name: "intake_category" })
export class Category {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("intake_category_code_key", { unique: true })
  @Column({ type: "text" })
  code!: string;

  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Column({ name: "name_en", type: "text" })
  nameEn!: string;

  @Index("intake_category_parent_idx")
  @Column({ name: "parent_id", type: "uuid", nullable: true })
  parentId!: string | null;

  /** Leaves can be chosen for a ticket; groups only organise the tree. */
  @Column({ type: "boolean", default: true })
  selectable!: boolean;

  @Column({ name: "sort_order", type: "integer", default: 0 })
  sortOrder!: number;

  @Column({ type: "boolean", default: true })
  active!: boolean;

  /** Extra fields the call form asks for (jsonb: read whole with the category, edited by admins). */
  @Column({ type: "jsonb", default: () => "'[]'" })
  fields!: CategoryFieldDefinition[];

  /** Template sentence for the description, in Chinese. */
  @Column({ name: "template_zh", type: "text", nullable: true })
  templateZh!: string | null;

  /** Template sentence for the description, in English. */
  @Column({ name: "template_en", type: "text", nullable: true })
  templateEn!: string | null;

  /** Everyday words and synonyms people use for it (坑, 坑洼, pothole → roads): the pickers search them. */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  keywords!: string[];

  /** The request types a ticket under it may have; empty: every type. */
  @Column({ name: "request_types", type: "text", array: true, default: () => "'{}'" })
  requestTypes!: RequestType[];

  /** Routing's SLA policy (routing_sla_policy.id) its tickets run under; null: the usual matching. */
  @Column({ name: "sla_policy_id", type: "uuid", nullable: true })
  slaPolicyId!: string | null;

  /** Raised by every admin change; each version is kept in intake_category_version. */
  @Column({ type: "integer", default: 1 })
  version!: number;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;
}
