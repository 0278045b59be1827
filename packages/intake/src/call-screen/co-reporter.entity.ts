import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Privacy } from "../ticket/ticket.enums.js";

/**
 * A caller whose duplicate ticket was merged into this one: told the result when it is closed.
 * One row per phone number and ticket. Never shown to citizens.
 */
@Entity({ name: "intake_co_reporter" })
@Index("intake_co_reporter_key", ["ticketId", "phone"], { unique: true })
export class CoReporter {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The ticket that stays open (the merge target). */
  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** The caller's own ticket, now MERGED. */
  @Column({ name: "source_ticket_id", type: "uuid" })
  sourceTicketId!: string;

  @Column({ type: "text" })
  name!: string;

  /** Digits only, like the ticket's phone. */
  @Column({ type: "text" })
  phone!: string;

  /** The privacy the caller asked for on their own ticket. */
  @Column({ type: "text", default: Privacy.NONE })
  privacy!: Privacy;

  @CreateDateColumn({ name: "added_at", type: "timestamptz" })
  addedAt!: Date;
}
