import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** A user's named ticket search (filter and sort), seen only by its owner. */
@Entity({ name: "supervision_saved_view" })
@Index("supervision_saved_view_owner_name_key", ["ownerId", "name"], { unique: true })
export class SavedView {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "owner_id", type: "uuid" })
  ownerId!: string;

  @Column({ type: "text" })
  name!: string;

  /** The search's filter and sort as the client sent them (checked again whenever it is saved). */
  @Column({ type: "jsonb" })
  filter!: Record<string, unknown>;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
