import { Column, Entity, Index } from "typeorm";
import type { CallbackTaskKind, CallbackTaskState } from "../callback.enums.js";
import { CallToMake } from "../shared/call-columns.js";

/**
 * One callback (回访) to make: after a unit's reply (one per assignment, so a re-report replied
 * again gets a new task), or a sampled survey after a direct answer (one per ticket). At most one
 * task per ticket is OPEN. Limits are copied from the settings when the task is created.
 */
@Entity({ name: "callback_task" })
@Index("callback_task_assignment_key", ["assignmentId"], { unique: true, where: "assignment_id IS NOT NULL" })
@Index("callback_task_direct_answer_key", ["ticketId"], { unique: true, where: "kind = 'DIRECT_ANSWER_SURVEY'" })
@Index("callback_task_open_ticket_key", ["ticketId"], { unique: true, where: "state = 'OPEN'" })
@Index("callback_task_queue_idx", ["state", "dueAt"])
@Index("callback_task_ticket_idx", ["ticketId", "createdAt"])
export class CallbackTask extends CallToMake {
  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** The routing assignment whose reply this task follows up (REPLY tasks). */
  @Column({ name: "assignment_id", type: "uuid", nullable: true })
  assignmentId!: string | null;

  @Column({ type: "text" })
  kind!: CallbackTaskKind;

  @Column({ type: "text" })
  state!: CallbackTaskState;

  /** The ticket's request type when the task was created (the settings are per request type). */
  @Column({ name: "request_type", type: "text" })
  requestType!: string;

  /** The reply (or direct answer) the due time counts from. */
  @Column({ name: "basis_at", type: "timestamptz" })
  basisAt!: Date;

  @Column({ name: "claimed_by_id", type: "uuid", nullable: true })
  claimedById!: string | null;

  @Column({ name: "claimed_by_name", type: "text", nullable: true })
  claimedByName!: string | null;

  @Column({ name: "claimed_until", type: "timestamptz", nullable: true })
  claimedUntil!: Date | null;
}
