import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * One version of the monthly assessment's weights (考核权重), versioned like the department ranking's:
 * never changed once saved, a month is assessed with the version in force at its end unless another
 * is chosen. Version 1 (the defaults) is inserted by the migration.
 */
@Entity({ name: "qa_assessment_weights" })
export class QaAssessmentWeights {
  @PrimaryColumn({ type: "integer" })
  version!: number;

  /** Weight of the QA score (0–100). */
  @Column({ name: "qa_score", type: "integer" })
  qaScore!: number;

  /** Weight of calls handled, relative to the busiest call-taker (0–100). */
  @Column({ name: "calls_handled", type: "integer" })
  callsHandled!: number;

  /** Weight of the average handle time against the target (0–100). */
  @Column({ name: "handle_time", type: "integer" })
  handleTime!: number;

  /** Weight of the direct-handling rate (0–100). */
  @Column({ name: "direct_rate", type: "integer" })
  directRate!: number;

  /** Weight of callback process satisfaction of the call-taker's tickets (0–100). */
  @Column({ name: "process_satisfaction", type: "integer" })
  processSatisfaction!: number;

  /** The average handle time (seconds) that scores 100; longer scores target / average. */
  @Column({ name: "target_handle_seconds", type: "integer" })
  targetHandleSeconds!: number;

  /** Call-takers with fewer calls in the month are shown apart, not ranked. */
  @Column({ name: "min_calls", type: "integer" })
  minCalls!: number;

  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Column({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "created_by_name", type: "text" })
  createdByName!: string;
}
