import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { ChasingSeverity, ChasingStage } from "./chasing.enums.js";

/**
 * One late ticket on the chasing board (督办看板): only tickets whose near-due or overdue timer
 * fired have a row, so the board's lists read a small table however many tickets there are. Kept
 * by `reconcileChasing` from routing's timer marks, in the transaction that moves its counters.
 */
@Entity({ name: "supervision_chasing_item" })
@Index("supervision_chasing_item_stage_due_idx", ["stage", "dueAt", "ticketId"])
@Index("supervision_chasing_item_unit_due_idx", ["unitId", "stage", "dueAt", "ticketId"], { where: "unit_id IS NOT NULL" })
@Index("supervision_chasing_item_alarm_idx", ["dueAt", "ticketId"], { where: "alarm" })
export class ChasingItem {
  @PrimaryColumn({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ type: "text" })
  stage!: ChasingStage;

  @Column({ type: "text" })
  severity!: ChasingSeverity;

  /** The lead unit; null while the ticket waits for dispatch. */
  @Column({ name: "unit_id", type: "uuid", nullable: true })
  unitId!: string | null;

  @Column({ name: "assignment_id", type: "uuid", nullable: true })
  assignmentId!: string | null;

  @Column({ type: "text" })
  urgency!: string;

  /** An urgent or emergency ticket not dispatched within its limit: the board's alarm. */
  @Column({ type: "boolean", default: false })
  alarm!: boolean;

  /** The deadline of the stage (dispatch, sign-for or completion); the lists sort on it, oldest first. */
  @Column({ name: "due_at", type: "timestamptz" })
  dueAt!: Date;

  /** When the timer that made it late fired. */
  @Column({ name: "late_since", type: "timestamptz" })
  lateSince!: Date;
}
