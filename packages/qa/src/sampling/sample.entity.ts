import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** Why a call entered the inspection queue (the strongest reason when several apply). */
export enum QaSampleReason {
  FLAGGED = "FLAGGED",
  DISSATISFIED = "DISSATISFIED",
  COMPLAINT = "COMPLAINT",
  SENSITIVE_DIRECT = "SENSITIVE_DIRECT",
  LONG_CALL = "LONG_CALL",
  RANDOM = "RANDOM",
}

/** A call picked for inspection by a day's sampling; a call is sampled at most once (unique call_record_id). */
@Entity({ name: "qa_sample" })
@Index("qa_sample_day_idx", ["day", "callTakerId"])
@Index("qa_sample_taker_idx", ["callTakerId", "day"])
@Index("qa_sample_pending_idx", ["day", "position"], { where: "inspected_at IS NULL" })
export class QaSample {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("qa_sample_call_key", { unique: true })
  @Column({ name: "call_record_id", type: "uuid" })
  callRecordId!: string;

  /** The sampled day (local date, YYYY-MM-DD). */
  @Column({ type: "date" })
  day!: string;

  @Column({ name: "call_taker_id", type: "uuid" })
  callTakerId!: string;

  @Column({ type: "text" })
  reason!: QaSampleReason;

  /** Order within the day's sample (reproducible). */
  @Column({ type: "integer" })
  position!: number;

  /** When it was inspected (scored); null while it waits in the inspection queue. */
  @Column({ name: "inspected_at", type: "timestamptz", nullable: true })
  inspectedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}

/** A day's sampling run: one per day, whatever runs it (the schedule, an inspector, another instance). */
@Entity({ name: "qa_sampling_run" })
export class QaSamplingRun {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @Column({ type: "text" })
  seed!: string;

  @Column({ name: "ran_at", type: "timestamptz" })
  ranAt!: Date;

  @Column({ type: "integer" })
  samples!: number;
}

/** Sampling settings (a single row, id 1). */
@Entity({ name: "qa_sampling_settings" })
export class QaSamplingSettings {
  @PrimaryColumn({ type: "integer" })
  id!: number;

  /** Calls picked at random per call-taker and day, besides the risk picks. */
  @Column({ name: "random_per_call_taker", type: "integer" })
  randomPerCallTaker!: number;

  /** A call talked at least this long is a risk pick. */
  @Column({ name: "long_call_seconds", type: "integer" })
  longCallSeconds!: number;

  /** Direct answers in these categories (or their sub-categories) are risk picks. */
  @Column({ name: "sensitive_category_ids", type: "uuid", array: true })
  sensitiveCategoryIds!: string[];

  /** With the day, decides the random picks: the same day and seed give the same sample. */
  @Column({ type: "text" })
  seed!: string;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
