import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/** A login session. Only the SHA-256 of the token is stored; the token itself goes to the client. */
@Entity({ name: "platform_session" })
export class Session {
  @PrimaryColumn({ name: "token_hash", type: "text" })
  tokenHash!: string;

  @Index("platform_session_user_idx")
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "expires_at", type: "timestamptz" })
  expiresAt!: Date;

  /** The address the session was opened from, for the admin's sessions list. */
  @Column({ name: "client_ip", type: "text", nullable: true })
  clientIp!: string | null;
}
