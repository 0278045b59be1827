import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { TicketLinkKind } from "./call-screen.enums.js";

/** A link from one ticket to another (merged into, related, re-report of). Append-only. */
@Entity({ name: "intake_ticket_link" })
@Index("intake_ticket_link_key", ["ticketId", "otherTicketId", "kind"], { unique: true })
@Index("intake_ticket_link_other_idx", ["otherTicketId"])
export class TicketLink {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The ticket the link starts from (for MERGED_INTO: the ticket that was merged). */
  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "other_ticket_id", type: "uuid" })
  otherTicketId!: string;

  @Column({ type: "text" })
  kind!: TicketLinkKind;

  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
