import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

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
}
