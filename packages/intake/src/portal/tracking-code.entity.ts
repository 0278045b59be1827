import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A one-time code sent by SMS so a citizen can open their ticket on the portal. Only a salted
 * SHA-256 of the code is kept (the row id is the salt); a code is spent when it is used, when it
 * expires, or after too many wrong attempts.
 */
@Entity({ name: "intake_tracking_code" })
@Index("intake_tracking_code_ticket_idx", ["ticketId", "createdAt"])
export class TrackingCode {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

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
