import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export type ImportJobStatusValue = "QUEUED" | "RUNNING" | "DONE" | "FAILED";
export type ImportFormatValue = "JSON" | "MARKDOWN";
export type ImportRejectionValue = { index: number; title: string | null; reason: string };

/** An import of articles from an uploaded file, processed in batches (one transaction each). */
@Entity({ name: "knowledge_import_job" })
@Index("knowledge_import_job_status_idx", ["status", "updatedAt"])
export class ImportJob {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  status!: ImportJobStatusValue;

  @Column({ type: "text" })
  format!: ImportFormatValue;

  /** The uploaded file (platform_file). */
  @Column({ name: "upload_id", type: "uuid" })
  uploadId!: string;

  @Column({ name: "started_by", type: "uuid" })
  startedBy!: string;

  @Column({ type: "integer", default: 0 })
  total!: number;

  /** Items handled so far (imported + rejected); the next batch starts here. */
  @Column({ type: "integer", default: 0 })
  processed!: number;

  @Column({ type: "integer", default: 0 })
  imported!: number;

  @Column({ type: "integer", default: 0 })
  rejected!: number;

  @Column({ type: "jsonb", default: () => "'[]'" })
  rejections!: ImportRejectionValue[];

  @Column({ name: "started_at", type: "timestamptz", nullable: true })
  startedAt!: Date | null;

  @Column({ name: "finished_at", type: "timestamptz", nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  /** Heartbeat: bumped after every batch; a running job silent for long is resumed. */
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
