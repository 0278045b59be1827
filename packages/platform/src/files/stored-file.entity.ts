import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** An uploaded or generated file (imports, exports, later attachments), kept in the database. */
@Entity({ name: "platform_file" })
export class StoredFile {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  filename!: string;

  @Column({ name: "content_type", type: "text" })
  contentType!: string;

  @Column({ type: "integer" })
  size!: number;

  /** SHA-256 of the content, hex. */
  @Column({ type: "text" })
  sha256!: string;

  @Column({ type: "bytea", select: false })
  data!: Buffer;

  /** Staff member or API client that uploaded or generated it. */
  @Index("platform_file_owner_idx")
  @Column({ name: "owner_id", type: "uuid", nullable: true })
  ownerId!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
