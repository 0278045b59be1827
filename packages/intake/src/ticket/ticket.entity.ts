import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { Channel, Privacy, RequestType, TicketStatus, Urgency } from "./ticket.enums.js";

/** A value of one of the category's extra fields (see Category.fields). */
export type ExtraFieldValue = { key: string; value: string };

/** A work order (工单): one request of a citizen, from receipt to closing. */
@Entity({ name: "intake_ticket" })
@Index("intake_ticket_status_received_idx", ["status", "receivedAt"])
@Index("intake_ticket_duplicates_idx", ["categoryId", "districtId", "receivedAt"])
@Index("intake_ticket_created_by_idx", ["createdBy", "receivedAt"])
// The lists' hand-made indexes (partial, expression, descending; migration ListIndexes): open tickets by
// urgency, tickets waiting at the centre in queue order, all by receipt newest first, a caller's newest first.
@Index("intake_ticket_open_urgency_idx", { synchronize: false })
@Index("intake_ticket_waiting_idx", { synchronize: false })
@Index("intake_ticket_received_at_idx", { synchronize: false })
@Index("intake_ticket_caller_idx", { synchronize: false })
@Index("intake_ticket_client_request_key", ["createdBy", "clientRequestId"], { unique: true })
/** Anonymous portal submissions have no creator: their idempotency key is unique per channel. */
@Index("intake_ticket_anonymous_request_key", ["channel", "clientRequestId"], { unique: true, where: "created_by IS NULL AND client_request_id IS NOT NULL" })
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

  /** A short title; optional (the console shows the description's start without one). */
  @Column({ type: "text", nullable: true })
  title!: string | null;

  @Column({ type: "text" })
  description!: string;

  @Column({ name: "district_id", type: "uuid" })
  districtId!: string;

  @Column({ name: "township_id", type: "uuid", nullable: true })
  townshipId!: string | null;

  @Column({ type: "text" })
  address!: string;

  /** WGS-84 coordinates of the place, when the caller or the map gave them. */
  @Column({ type: "double precision", nullable: true })
  latitude!: number | null;

  @Column({ type: "double precision", nullable: true })
  longitude!: number | null;

  /** Values of the category's extra fields, in the category's field order. */
  @Column({ name: "extra_fields", type: "jsonb", default: () => "'[]'" })
  extraFields!: ExtraFieldValue[];

  @Column({ name: "citizen_name", type: "text" })
  citizenName!: string;

  /** Digits only; shown in full to call-takers and callback agents, masked to everyone else. */
  @Column({ name: "citizen_phone", type: "text" })
  citizenPhone!: string;

  @Column({ name: "citizen_email", type: "text", nullable: true })
  citizenEmail!: string | null;

  /** Resident ID number, upper case; only ever shown masked (3703**********1234). */
  @Column({ name: "citizen_id_number", type: "text", nullable: true })
  citizenIdNumber!: string | null;

  @Column({ type: "text", default: Privacy.NONE })
  privacy!: Privacy;

  /** The telephony call id from the screen-pop, when the ticket was logged during that call. */
  @Column({ name: "call_id", type: "text", nullable: true })
  callId!: string | null;

  /** Idempotency key chosen by the client; unique per creator (per channel for anonymous portal requests). */
  @Column({ name: "client_request_id", type: "text", nullable: true })
  clientRequestId!: string | null;

  /** The answer given on the spot, when closed as a direct answer (直办). */
  @Column({ name: "direct_answer", type: "text", nullable: true })
  directAnswer!: string | null;

  /** Knowledge-base articles the direct answer came from (ids owned by the knowledge package). */
  @Column({ name: "answered_article_ids", type: "uuid", array: true, default: () => "'{}'" })
  answeredArticleIds!: string[];

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
