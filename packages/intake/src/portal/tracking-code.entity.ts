import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A one-time code sent by SMS so a citizen can open their ticket on the portal. Only a salted
 * SHA-256 of the code is kept (the row id is the salt); a code is spent when it is used, when it
 * expires, or after too many wrong attempts. A request for a tracking number and phone that do not
 * belong together stores a row too (no ticket, no SMS, a code nobody knows), so limits and answers
 * are the same either way and cannot tell which phone is the right one.
 */
@Entity({ name: "intake_tracking_code" })
@Index("intake_tracking_code_ticket_idx", ["ticketId", "createdAt"])
@Index("intake_tracking_code_request_idx", ["requestKey", "createdAt"])
@Index("intake_tracking_code_client_idx", ["clientIp", "createdAt"])
export class TrackingCode {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The ticket, when the tracking number and phone belong together; null otherwise. */
  @Column({ name: "ticket_id", type: "uuid", nullable: true })
  ticketId!: string | null;

  /** Hex SHA-256 of `<tracking number>:<phone digits>`: what limits and verification are keyed on. */
  @Column({ name: "request_key", type: "text", default: "" })
  requestKey!: string;

  /** The address the request came from (limits per connection); null for requests made in code. */
  @Column({ name: "client_ip", type: "text", nullable: true })
  clientIp!: string | null;

  /** Hex SHA-256 of `<id>:<code>`. */
  @Column({ name: "code_hash", type: "text" })
  codeHash!: string;

  /** Wrong codes entered against this one. */
  @Column({ type: "integer", default: 0 })
  attempts!: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "expires_at", type: "timestamptz" })
  expiresAt!: Date;

  /** When the code was used or locked after too many attempts; null while it may still be used. */
  @Column({ name: "spent_at", type: "timestamptz", nullable: true })
  spentAt!: Date | null;
}
