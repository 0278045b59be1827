import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { Resolution, Satisfaction, SurveyChannel } from "../callback.enums.js";

/**
 * The citizen's answers to one callback task, by phone or online (one per task). Process-only
 * surveys (after a direct answer) have no resolution, result satisfaction or reasonableness. The
 * lead unit, category and request type are copied in for the per-unit measures.
 */
@Entity({ name: "callback_survey" })
@Index("callback_survey_task_key", ["taskId"], { unique: true })
@Index("callback_survey_answered_idx", ["answeredAt"])
@Index("callback_survey_ticket_idx", ["ticketId"])
export class CallbackSurvey {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "task_id", type: "uuid" })
  taskId!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** Whether the survey asked about the result (REPLY tasks) or the process only. */
  @Column({ name: "full_survey", type: "boolean" })
  fullSurvey!: boolean;

  @Column({ type: "text" })
  channel!: SurveyChannel;

  @Column({ type: "text", nullable: true })
  resolution!: Resolution | null;

  @Column({ name: "result_satisfaction", type: "text", nullable: true })
  resultSatisfaction!: Satisfaction | null;

  @Column({ name: "process_satisfaction", type: "text" })
  processSatisfaction!: Satisfaction;

  /** The agent's judgement; null (online, or not asked) counts as reasonable. */
  @Column({ type: "boolean", nullable: true })
  reasonable!: boolean | null;

  @Column({ type: "text", nullable: true })
  comment!: string | null;

  @Column({ name: "answered_at", type: "timestamptz" })
  answeredAt!: Date;

  /** The agent; null online. */
  @Column({ name: "recorded_by_id", type: "uuid", nullable: true })
  recordedById!: string | null;

  @Column({ name: "recorded_by_name", type: "text", nullable: true })
  recordedByName!: string | null;

  @Column({ name: "lead_unit_id", type: "uuid", nullable: true })
  leadUnitId!: string | null;

  @Column({ name: "category_id", type: "uuid" })
  categoryId!: string;

  @Column({ name: "request_type", type: "text" })
  requestType!: string;
}
