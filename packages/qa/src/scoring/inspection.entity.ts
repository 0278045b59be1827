import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Where an inspection stands. */
export enum QaInspectionState {
  SCORED = "SCORED",
  APPEALED = "APPEALED",
  APPEAL_UPHELD = "APPEAL_UPHELD",
  APPEAL_REJECTED = "APPEAL_REJECTED",
}

/** Why a score version exists. */
export enum QaScoreReason {
  INSPECTION = "INSPECTION",
  APPEAL_UPHELD = "APPEAL_UPHELD",
}

/** What an inspector gave one criterion (stored in the score version). */
export type QaCriterionScoreValue = { key: string; score: number; deductionKeys: string[]; comment: string | null };

/** numeric(5,2) ↔ number. */
export const scoreColumn = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * The inspection of one sampled call: who scored it with which form version, and the score in force
 * (`total`, copied from the newest score version so that lists and the monthly assessment read one row).
 */
@Entity({ name: "qa_inspection" })
@Index("qa_inspection_taker_idx", ["callTakerId", "callStartedAt"])
@Index("qa_inspection_started_idx", ["callStartedAt"])
@Index("qa_inspection_scored_idx", ["scoredAt"])
export class QaInspection {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The qa_sample it inspects (one inspection per sample). */
  @Index("qa_inspection_sample_key", { unique: true })
  @Column({ name: "sample_id", type: "uuid" })
  sampleId!: string;

  /** The qa_call (one inspection per call). */
  @Index("qa_inspection_call_key", { unique: true })
  @Column({ name: "call_record_id", type: "uuid" })
  callRecordId!: string;

  @Column({ name: "call_taker_id", type: "uuid" })
  callTakerId!: string;

  /** When the call started (the monthly assessment counts a score in the month of its call). */
  @Column({ name: "call_started_at", type: "timestamptz" })
  callStartedAt!: Date;

  @Column({ name: "inspector_id", type: "uuid" })
  inspectorId!: string;

  @Column({ name: "inspector_name", type: "text" })
  inspectorName!: string;

  @Column({ name: "form_version_id", type: "uuid" })
  formVersionId!: string;

  @Column({ type: "text" })
  state!: QaInspectionState;

  /** The score in force, 0–100 to 0.01. */
  @Column({ type: "numeric", precision: 5, scale: 2, transformer: scoreColumn })
  total!: number;

  @Column({ type: "boolean" })
  critical!: boolean;

  /** The number of the score version in force (1 = the inspector's; 2 = after an upheld appeal). */
  @Column({ name: "score_version", type: "integer" })
  scoreVersion!: number;

  @Column({ name: "scored_at", type: "timestamptz" })
  scoredAt!: Date;

  /** The call-taker may appeal until then. */
  @Column({ name: "appeal_deadline", type: "timestamptz" })
  appealDeadline!: Date;
}

/** A score version of an inspection: the inspector's, and the revised one when an appeal is upheld. Never changed. */
@Entity({ name: "qa_inspection_score" })
@Index("qa_inspection_score_key", ["inspectionId", "version"], { unique: true })
export class QaInspectionScore {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "inspection_id", type: "uuid" })
  inspectionId!: string;

  @Column({ type: "integer" })
  version!: number;

  @Column({ type: "text" })
  reason!: QaScoreReason;

  @Column({ type: "numeric", precision: 5, scale: 2, transformer: scoreColumn })
  total!: number;

  @Column({ type: "boolean" })
  critical!: boolean;

  @Column({ name: "critical_error_keys", type: "text", array: true })
  criticalErrorKeys!: string[];

  @Column({ type: "jsonb" })
  criteria!: QaCriterionScoreValue[];

  @Column({ type: "text", nullable: true })
  comment!: string | null;

  @Column({ name: "scored_by_id", type: "uuid" })
  scoredById!: string;

  @Column({ name: "scored_by_name", type: "text" })
  scoredByName!: string;

  @Column({ name: "scored_at", type: "timestamptz" })
  scoredAt!: Date;
}
