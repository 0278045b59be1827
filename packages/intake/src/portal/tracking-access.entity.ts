import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A portal access token, issued when a one-time code was verified: it lets the citizen read (and
 * rate) one ticket for a short time. Only the SHA-256 of the token is stored.
 */
@Entity({ name: "intake_tracking_access" })
export class TrackingAccess {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** Hex SHA-256 of the token. */
  @Index("intake_tracking_access_token_key", { unique: true })
  @Column({ name: "token_hash", type: "text" })
  tokenHash!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Index("intake_tracking_access_expires_idx")
  @Column({ name: "expires_at", type: "timestamptz" })
  expiresAt!: Date;
}
