import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { ReReportReason, ReReportState } from "../callback.enums.js";

/** A dissatisfied or unresolved answer proposes a re-report (续报); a supervisor decides once. */
@Entity({ name: "callback_re_report_proposal" })
@Index("callback_re_report_state_idx", ["state", "createdAt"])
@Index("callback_re_report_survey_key", ["surveyId"], { unique: true })
/** Made by the supervision measures (migration MeasuresProposals): accepted re-reports of an assignment. */
@Index("callback_re_report_proposal_accepted_idx", { synchronize: false })
export class ReReportProposal {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "task_id", type: "uuid" })
  taskId!: string;

  @Column({ name: "survey_id", type: "uuid" })
  surveyId!: string;

  /** The assignment that was replied (its lead unit gets the re-report). */
  @Column({ name: "assignment_id", type: "uuid" })
  assignmentId!: string;

  @Column({ name: "lead_unit_id", type: "uuid" })
  leadUnitId!: string;

  @Column({ type: "text", array: true })
  reasons!: ReReportReason[];

  @Column({ type: "text" })
  state!: ReReportState;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decided_by_id", type: "uuid", nullable: true })
  decidedById!: string | null;

  @Column({ name: "decided_by_name", type: "text", nullable: true })
  decidedByName!: string | null;

  @Column({ name: "decision_note", type: "text", nullable: true })
  decisionNote!: string | null;

  /** The new assignment when accepted. */
  @Column({ name: "new_assignment_id", type: "uuid", nullable: true })
  newAssignmentId!: string | null;
}
