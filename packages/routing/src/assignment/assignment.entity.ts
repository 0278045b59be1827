import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import type { AssignmentState, ExtensionStatus, ReplyOutcome } from "./assignment.enums.js";

/** A file attached to a reply (bytes in platform_file, uploaded through POST /uploads). */
export type ReplyAttachment = { id: string; filename: string; contentType: string; size: number };

/**
 * One dispatch of a ticket to a lead unit (and assisting units), with the time limits it runs
 * under and what the unit did with it. A re-dispatch after a return starts a new row; `current`
 * marks the ticket's latest one. Deadlines are computed once (dispatch, extension, calendar change)
 * and stored, so lists sort and filter on them.
 */
@Entity({ name: "routing_assignment" })
@Index("routing_assignment_current_key", ["ticketId"], { unique: true, where: "current" })
@Index("routing_assignment_ticket_idx", ["ticketId", "dispatchedAt"])
@Index("routing_assignment_lead_idx", ["leadUnitId", "state"])
/** A unit's inbox as assisting unit: GIN on the current assignments' assisting units (hand-made, migration ListIndexesCatalogueVersion). */
@Index("routing_assignment_assisting_idx", { synchronize: false })
export class Assignment {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** The ticket's latest assignment. */
  @Column({ type: "boolean", default: true })
  current!: boolean;

  @Column({ type: "text" })
  state!: AssignmentState;

  @Column({ name: "lead_unit_id", type: "uuid" })
  leadUnitId!: string;

  @Column({ name: "assisting_unit_ids", type: "uuid", array: true, default: () => "'{}'" })
  assistingUnitIds!: string[];

  /** The catalogue rule that proposed the lead unit, when the dispatcher followed it. */
  @Column({ name: "rule_id", type: "uuid", nullable: true })
  ruleId!: string | null;

  @Column({ name: "dispatched_at", type: "timestamptz" })
  dispatchedAt!: Date;

  @Column({ name: "dispatched_by_id", type: "uuid", nullable: true })
  dispatchedById!: string | null;

  @Column({ name: "dispatched_by_name", type: "text" })
  dispatchedByName!: string;

  /** The dispatcher's note to the unit. */
  @Column({ name: "dispatch_note", type: "text", nullable: true })
  dispatchNote!: string | null;

  @Column({ name: "signed_for_at", type: "timestamptz", nullable: true })
  signedForAt!: Date | null;

  @Column({ name: "signed_for_by_name", type: "text", nullable: true })
  signedForByName!: string | null;

  /** The SLA policy the limits below were taken from (a snapshot: later policy edits do not move them). */
  @Column({ name: "sla_policy_id", type: "uuid", nullable: true })
  slaPolicyId!: string | null;

  @Column({ name: "dispatch_minutes", type: "integer" })
  dispatchMinutes!: number;

  @Column({ name: "sign_for_minutes", type: "integer" })
  signForMinutes!: number;

  @Column({ name: "completion_minutes", type: "integer" })
  completionMinutes!: number;

  @Column({ name: "near_due_percent", type: "integer" })
  nearDuePercent!: number;

  @Column({ name: "around_the_clock", type: "boolean", default: false })
  aroundTheClock!: boolean;

  /** Receipt + the dispatch limit. */
  @Column({ name: "dispatch_due_at", type: "timestamptz" })
  dispatchDueAt!: Date;

  /** Dispatch + the sign-for limit. */
  @Column({ name: "sign_for_due_at", type: "timestamptz" })
  signForDueAt!: Date;

  /** Dispatch + the completion limit (+ an approved extension). */
  @Index("routing_assignment_completion_due_idx")
  @Column({ name: "completion_due_at", type: "timestamptz" })
  completionDueAt!: Date;

  /** When the near-due warning is due (near_due_percent of the completion limit used). */
  @Column({ name: "near_due_at", type: "timestamptz" })
  nearDueAt!: Date;

  /** Set by the near-due timer in the transaction that records `routing.ticket_near_due`. */
  @Column({ name: "near_due_notified_at", type: "timestamptz", nullable: true })
  nearDueNotifiedAt!: Date | null;

  /** Set by the overdue timer in the transaction that records `routing.ticket_overdue`. */
  @Column({ name: "overdue_at", type: "timestamptz", nullable: true })
  overdueAt!: Date | null;

  @Column({ name: "extension_status", type: "text", nullable: true })
  extensionStatus!: ExtensionStatus | null;

  @Column({ name: "extension_days", type: "integer", nullable: true })
  extensionDays!: number | null;

  /** Working minutes the extension asks for (days × the working-day length). */
  @Column({ name: "extension_minutes", type: "integer", nullable: true })
  extensionMinutes!: number | null;

  @Column({ name: "extension_reason", type: "text", nullable: true })
  extensionReason!: string | null;

  @Column({ name: "extension_requested_at", type: "timestamptz", nullable: true })
  extensionRequestedAt!: Date | null;

  @Column({ name: "extension_requested_by_name", type: "text", nullable: true })
  extensionRequestedByName!: string | null;

  @Column({ name: "extension_decided_at", type: "timestamptz", nullable: true })
  extensionDecidedAt!: Date | null;

  @Column({ name: "extension_decided_by_name", type: "text", nullable: true })
  extensionDecidedByName!: string | null;

  @Column({ name: "extension_decision_note", type: "text", nullable: true })
  extensionDecisionNote!: string | null;

  /** Follow-up calls (催办) while this dispatch was current: a maintained count (follow-up/). */
  @Column({ name: "follow_up_count", type: "integer", default: 0 })
  followUpCount!: number;

  /** The latest follow-up call: the unit's inbox lists followed-up tickets first. */
  @Column({ name: "last_follow_up_at", type: "timestamptz", nullable: true })
  lastFollowUpAt!: Date | null;

  /** What the caller said in the latest follow-up call. */
  @Column({ name: "last_follow_up_words", type: "text", nullable: true })
  lastFollowUpWords!: string | null;

  @Column({ name: "reply_outcome", type: "text", nullable: true })
  replyOutcome!: ReplyOutcome | null;

  @Column({ name: "reply_text", type: "text", nullable: true })
  replyText!: string | null;

  @Column({ name: "replied_at", type: "timestamptz", nullable: true })
  repliedAt!: Date | null;

  @Column({ name: "replied_by_name", type: "text", nullable: true })
  repliedByName!: string | null;

  @Column({ name: "reply_attachments", type: "jsonb", default: () => "'[]'" })
  replyAttachments!: ReplyAttachment[];

  /**
   * Set when a joint supervision decision (三方联动督办) named this lead unit: what decided it. The
   * unit may not return such an assignment (ROUTING/JOINT_DECISION_FINAL); null: returnable as usual.
   */
  @Column({ name: "final_decision", type: "text", nullable: true })
  finalDecision!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
