import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { Channel, RequestType, TicketStatus, Urgency } from "./ticket.enums.js";

/** A work order (工单): one request of a citizen, from receipt to closing. */
@Entity({ name: "intake_ticket" })
@Index("intake_ticket_status_received_idx", ["status", "receivedAt"])
export class Ticket {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** Readable and unique: city prefix + date + daily sequence, e.g. ZB-20261124-00017. */
  @Index("intake_ticket_tracking_number_key", { unique: true })
  @Column({ name: "tracking_number", type: "text" })
  trackingNumber!: string;

  @Column({ type: "text" })
  status!: TicketStatus;

  @Column({ type: "text" })
  channel!: Channel;

  @Column({ name: "request_type", type: "text" })
  requestType!: RequestType;

  @Column({ type: "text", default: Urgency.NORMAL })
  urgency!: Urgency;

  @Column({ name: "category_id", type: "uuid" })
  categoryId!: string;

  @Column({ type: "text" })
  description!: string;

  @Column({ name: "district_id", type: "uuid" })
  districtId!: string;

  @Column({ name: "township_id", type: "uuid", nullable: true })
  townshipId!: string | null;

  @Column({ type: "text" })
  address!: string;

  @Column({ name: "citizen_name", type: "text" })
  citizenName!: string;

  /** Digits only; shown in full to call-takers and callback agents, masked to everyone else. */
  @Index("intake_ticket_citizen_phone_idx")
  @Column({ name: "citizen_phone", type: "text" })
  citizenPhone!: string;

  @Column({ name: "received_at", type: "timestamptz" })
  receivedAt!: Date;

  /** Staff member or API client that logged it; null for the public portal. */
  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdBy!: string | null;

  @VersionColumn({ type: "integer" })
  version!: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
