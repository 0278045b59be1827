import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A photo a citizen uploaded anonymously from the portal (bytes in platform_file, owner none). The
 * upload answered with a random key; only whoever holds it may attach the file to a request, once.
 */
@Entity({ name: "intake_portal_upload" })
@Index("intake_portal_upload_client_idx", ["clientIp", "createdAt"])
export class PortalUpload {
  @PrimaryColumn({ name: "file_id", type: "uuid" })
  fileId!: string;

  /** Hex SHA-256 of the upload key. */
  @Column({ name: "key_hash", type: "text" })
  keyHash!: string;

  /** The uploader's address, for the per-address rate limit. */
  @Column({ name: "client_ip", type: "text" })
  clientIp!: string;

  /** The ticket the photo was attached to; null while unused. */
  @Column({ name: "ticket_id", type: "uuid", nullable: true })
  ticketId!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
