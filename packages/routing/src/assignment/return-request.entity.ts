import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { ReturnReason, ReturnStatus } from "./assignment.enums.js";

/** A unit's return (退单) of a ticket and the dispatcher's decision on it. */
@Entity({ name: "routing_return_request" })
@Index("routing_return_request_ticket_idx", ["ticketId", "requestedAt"])
export class ReturnRequest {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "assignment_id", type: "uuid" })
  assignmentId!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "unit_id", type: "uuid" })
  unitId!: string;

  @Column({ type: "text" })
  reason!: ReturnReason;

  @Column({ type: "text" })
  text!: string;

  @Column({ type: "text" })
  status!: ReturnStatus;

  @Column({ name: "requested_at", type: "timestamptz" })
  requestedAt!: Date;

  @Column({ name: "requested_by_name", type: "text" })
  requestedByName!: string;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decided_by_name", type: "text", nullable: true })
  decidedByName!: string | null;

  @Column({ name: "decision_note", type: "text", nullable: true })
  decisionNote!: string | null;
}
