import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export type ReportJobStatusValue = "QUEUED" | "RUNNING" | "DONE" | "FAILED";
export type ReportLanguageValue = "zh-CN" | "en";
/** Which file of a report: the PDF, or one of its CSV tables. */
export type ReportFileKindValue = "PDF" | "FIGURES_CSV" | "RANKING_CSV" | "TICKETS_CSV" | "ORDERS_CSV";
export type ReportFileValue = { kind: ReportFileKindValue; id: string; filename: string; size: number };

/**
 * An oversight report (监督报告) being produced in the background: one unit (with or without its
 * sub-units) or all units, over a period of Asia/Shanghai days; its files (PDF + CSV tables) are
 * stored with platform files and downloaded through `/files/:id` by whoever started it (or an admin).
 */
@Entity({ name: "supervision_report_job" })
@Index("supervision_report_job_starter_idx", ["startedBy", "createdAt"])
@Index("supervision_report_job_status_idx", ["status", "updatedAt"])
export class ReportJob {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  status!: ReportJobStatusValue;

  @Column({ type: "text" })
  language!: ReportLanguageValue;

  /** The unit reported on; null = all units. */
  @Column({ name: "unit_id", type: "uuid", nullable: true })
  unitId!: string | null;

  @Column({ name: "include_sub_units", type: "boolean", default: true })
  includeSubUnits!: boolean;

  /** First day of the period (Asia/Shanghai), inclusive. */
  @Column({ name: "period_from", type: "date" })
  periodFrom!: string;

  /** Last day of the period (Asia/Shanghai), inclusive. */
  @Column({ name: "period_to", type: "date" })
  periodTo!: string;

  /** Percent done (0–100), moved after every step. */
  @Column({ type: "integer", default: 0 })
  progress!: number;

  /** The step running now (a code the UI translates). */
  @Column({ type: "text", nullable: true })
  step!: string | null;

  @Column({ type: "jsonb", default: () => "'[]'" })
  files!: ReportFileValue[];

  /** Why it failed (a sentence for the person; details are in the log). */
  @Column({ type: "text", nullable: true })
  error!: string | null;

  @Column({ name: "started_by", type: "uuid" })
  startedBy!: string;

  @Column({ name: "started_at", type: "timestamptz", nullable: true })
  startedAt!: Date | null;

  @Column({ name: "finished_at", type: "timestamptz", nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  /** Heartbeat: bumped after every step; a running job silent for long is started again. */
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
