import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { JointCaseState, JointTrigger } from "./joint.enums.js";

/**
 * A joint supervision case (三方联动督办) about one ticket: opened by a supervisor, the three
 * parties' opinions (supervision_joint_party), the complaint centre's decision naming the responsible
 * unit. At most one OPEN case per ticket (partial unique index).
 */
@Entity({ name: "supervision_joint_case" })
@Index("supervision_joint_case_open_key", ["ticketId"], { unique: true, where: `state = 'OPEN'` })
@Index("supervision_joint_case_ticket_idx", ["ticketId", "openedAt"])
@Index("supervision_joint_case_state_idx", ["state", "deadlineAt"])
export class JointCase {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ type: "text" })
  state!: JointCaseState;

  @Column({ type: "text" })
  trigger!: JointTrigger;

  @Column({ type: "text" })
  reason!: string;

  @Column({ name: "opened_at", type: "timestamptz" })
  openedAt!: Date;

  @Column({ name: "opened_by_id", type: "uuid", nullable: true })
  openedById!: string | null;

  @Column({ name: "opened_by_name", type: "text" })
  openedByName!: string;

  /** The working days the parties were given. */
  @Column({ name: "deadline_days", type: "integer" })
  deadlineDays!: number;

  /** Opening + deadline_days working days (the working calendar). */
  @Column({ name: "deadline_at", type: "timestamptz" })
  deadlineAt!: Date;

  /** Set by the deadline timer when the deadline passed with the case still open. */
  @Column({ name: "overdue_at", type: "timestamptz", nullable: true })
  overdueAt!: Date | null;

  @Column({ name: "decided_unit_id", type: "uuid", nullable: true })
  decidedUnitId!: string | null;

  @Column({ name: "decision_text", type: "text", nullable: true })
  decisionText!: string | null;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decided_by_name", type: "text", nullable: true })
  decidedByName!: string | null;

  /** The routing assignment the decision made (not returnable). */
  @Column({ name: "assignment_id", type: "uuid", nullable: true })
  assignmentId!: string | null;
}
