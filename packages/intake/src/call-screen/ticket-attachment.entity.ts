import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A file attached to a ticket. The bytes stay in platform_file (uploaded through POST /uploads);
 * this row keeps the checked metadata: the type sniffed from the content, not the declared one.
 */
@Entity({ name: "intake_ticket_attachment" })
@Index("intake_ticket_attachment_key", ["ticketId", "fileId"], { unique: true })
export class TicketAttachment {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "file_id", type: "uuid" })
  fileId!: string;

  @Column({ type: "text" })
  filename!: string;

  @Column({ name: "content_type", type: "text" })
  contentType!: string;

  @Column({ type: "integer" })
  size!: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
