import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One ticket as the ticket search reads it: the filterable facts of the ticket, its current
 * assignment and its history in one row, and a tsvector over title, description, address, replies
 * and progress notes. The row is written only by the database: triggers on intake_ticket,
 * intake_ticket_history, routing_assignment, routing_assignment_unit, routing_progress_note,
 * routing_return_request and callback_re_report_proposal call `supervision_ticket_search_refresh`
 * (migration TicketSearch), so whoever changes a ticket keeps its search row current in the same
 * transaction. The text is tokenised in SQL the way the knowledge base tokenises in code: Han runs
 * as overlapping bigrams (a lone character as itself), Latin words and digit runs lower-cased, NFKC.
 *
 * Hand-made indexes (in the migration, `synchronize: false` here): one per search path.
 */
@Entity({ name: "supervision_ticket_search" })
@Index("supervision_ticket_search_received_idx", { synchronize: false })
@Index("supervision_ticket_search_tracking_idx", { synchronize: false })
@Index("supervision_ticket_search_tracking_trgm_idx", { synchronize: false })
@Index("supervision_ticket_search_phone_idx", { synchronize: false })
@Index("supervision_ticket_search_phone_trgm_idx", { synchronize: false })
@Index("supervision_ticket_search_status_idx", { synchronize: false })
@Index("supervision_ticket_search_category_idx", { synchronize: false })
@Index("supervision_ticket_search_district_idx", { synchronize: false })
@Index("supervision_ticket_search_township_idx", { synchronize: false })
@Index("supervision_ticket_search_lead_unit_idx", { synchronize: false })
@Index("supervision_ticket_search_units_idx", { synchronize: false })
@Index("supervision_ticket_search_dispatched_idx", { synchronize: false })
@Index("supervision_ticket_search_replied_idx", { synchronize: false })
@Index("supervision_ticket_search_closed_idx", { synchronize: false })
@Index("supervision_ticket_search_due_idx", { synchronize: false })
@Index("supervision_ticket_search_due_sort_idx", { synchronize: false })
@Index("supervision_ticket_search_near_due_idx", { synchronize: false })
@Index("supervision_ticket_search_returned_idx", { synchronize: false })
@Index("supervision_ticket_search_rereported_idx", { synchronize: false })
@Index("supervision_ticket_search_urgent_idx", { synchronize: false })
@Index("supervision_ticket_search_document_idx", { synchronize: false })
export class TicketSearchRow {
  @PrimaryColumn({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "tracking_number", type: "text" })
  trackingNumber!: string;

  @Column({ type: "text" })
  status!: string;

  @Column({ type: "text" })
  channel!: string;

  @Column({ name: "request_type", type: "text" })
  requestType!: string;

  @Column({ type: "text" })
  urgency!: string;

  @Column({ name: "category_id", type: "uuid" })
  categoryId!: string;

  @Column({ name: "district_id", type: "uuid" })
  districtId!: string;

  @Column({ name: "township_id", type: "uuid", nullable: true })
  townshipId!: string | null;

  @Column({ name: "citizen_phone", type: "text" })
  citizenPhone!: string;

  @Column({ name: "received_at", type: "timestamptz" })
  receivedAt!: Date;

  /** The first dispatch. */
  @Column({ name: "dispatched_at", type: "timestamptz", nullable: true })
  dispatchedAt!: Date | null;

  /** The current assignment's reply. */
  @Column({ name: "replied_at", type: "timestamptz", nullable: true })
  repliedAt!: Date | null;

  /** When the ticket was closed (after callback, or directly), while it is closed. */
  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt!: Date | null;

  /** The current assignment's lead unit. */
  @Column({ name: "lead_unit_id", type: "uuid", nullable: true })
  leadUnitId!: string | null;

  /** Every unit (lead or assisting) any assignment of the ticket ever went to: a handler's scope. */
  @Column({ name: "unit_ids", type: "uuid", array: true, default: () => "'{}'" })
  unitIds!: string[];

  /** The current assignment still owes the ticket something (its deadline timers run). */
  @Column({ type: "boolean", default: false })
  active!: boolean;

  @Column({ name: "completion_due_at", type: "timestamptz", nullable: true })
  completionDueAt!: Date | null;

  @Column({ name: "near_due_at", type: "timestamptz", nullable: true })
  nearDueAt!: Date | null;

  /** Returns (退单) units asked for. */
  @Column({ name: "returned_count", type: "integer", default: 0 })
  returnedCount!: number;

  /** Accepted re-reports (续报). */
  @Column({ name: "rereport_count", type: "integer", default: 0 })
  rereportCount!: number;

  @Column({ type: "tsvector", select: false })
  document!: string;
}
