import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { OrderLevel, OrderState } from "./order.enums.js";

/**
 * A supervision order (督办单) for a ticket, addressed to the ticket's lead unit at the time it was
 * issued. Its state changes only through order-lifecycle.ts.
 *
 * "Under supervision" (for the ticket search, H1): a ticket is under supervision while it has an
 * order that is not CLOSED; ask `EXISTS (SELECT 1 FROM supervision_order o WHERE o.ticket_id = t.id
 * AND o.state <> 'CLOSED')`, which the partial unique index `supervision_order_open_key`
 * (ticket_id, level) WHERE state <> 'CLOSED' answers (see `OPEN_ORDER_SQL` in order-queries.ts).
 */
@Entity({ name: "supervision_order" })
@Index("supervision_order_open_key", ["ticketId", "level"], { unique: true, where: "state <> 'CLOSED'" })
@Index("supervision_order_ticket_idx", ["ticketId", "issuedAt"])
@Index("supervision_order_unit_idx", ["unitId", "state", "responseDueAt"])
@Index("supervision_order_state_idx", ["state", "responseDueAt"])
@Index("supervision_order_issued_idx", ["issuedAt", "unitId"])
@Index("supervision_order_auto_key", ["assignmentId"], { unique: true, where: "auto" })
export class SupervisionOrder {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** The ticket's assignment when the order was issued. */
  @Column({ name: "assignment_id", type: "uuid" })
  assignmentId!: string;

  /** The unit that must answer: the lead unit at the time of issue. */
  @Column({ name: "unit_id", type: "uuid" })
  unitId!: string;

  @Column({ type: "text" })
  level!: OrderLevel;

  @Column({ type: "text" })
  state!: OrderState;

  @Column({ type: "text" })
  reason!: string;

  /** Issued automatically when the ticket became overdue (one per assignment). */
  @Column({ type: "boolean", default: false })
  auto!: boolean;

  @Column({ name: "issued_at", type: "timestamptz" })
  issuedAt!: Date;

  @Column({ name: "issued_by_id", type: "uuid", nullable: true })
  issuedById!: string | null;

  @Column({ name: "issued_by_name", type: "text" })
  issuedByName!: string;

  /** When the unit must have answered (working time); the escalation timer falls due then. */
  @Column({ name: "response_due_at", type: "timestamptz" })
  responseDueAt!: Date;

  @Column({ name: "answer_text", type: "text", nullable: true })
  answerText!: string | null;

  /** When the unit says the matter will be finished. */
  @Column({ name: "expected_done_at", type: "timestamptz", nullable: true })
  expectedDoneAt!: Date | null;

  @Column({ name: "answered_at", type: "timestamptz", nullable: true })
  answeredAt!: Date | null;

  @Column({ name: "answered_by_name", type: "text", nullable: true })
  answeredByName!: string | null;

  @Column({ name: "escalations", type: "integer", default: 0 })
  escalations!: number;

  @Column({ name: "send_backs", type: "integer", default: 0 })
  sendBacks!: number;

  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt!: Date | null;

  @Column({ name: "closed_by_name", type: "text", nullable: true })
  closedByName!: string | null;

  @Column({ name: "close_note", type: "text", nullable: true })
  closeNote!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
