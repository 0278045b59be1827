import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** Inbound (a citizen called the hotline) or outbound (a call-taker called out). */
export enum QaCallDirection {
  INBOUND = "INBOUND",
  OUTBOUND = "OUTBOUND",
}

/**
 * A finished call as the telephony integration reports it (idempotent by its call id). Its `id` is
 * random and unguessable: recordings are served by it, through the gateway, to those who may hear them.
 */
@Entity({ name: "qa_call" })
@Index("qa_call_taker_idx", ["callTakerId", "startedAt"])
@Index("qa_call_started_idx", ["startedAt"])
export class QaCall {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The telephony system's call id; intake's tickets logged during the call carry it too. */
  @Index("qa_call_call_id_key", { unique: true })
  @Column({ name: "call_id", type: "text" })
  callId!: string;

  @Column({ name: "seat_code", type: "text" })
  seatCode!: string;

  /** Who took the call (the named agent, else the roster's occupant of the seat at the start); null when nobody was rostered. */
  @Column({ name: "call_taker_id", type: "uuid", nullable: true })
  callTakerId!: string | null;

  /** Digits only; in full for FULL_PHONE_ROLES, masked for others. */
  @Column({ name: "caller_number", type: "text" })
  callerNumber!: string;

  @Column({ type: "text" })
  direction!: QaCallDirection;

  @Column({ name: "started_at", type: "timestamptz" })
  startedAt!: Date;

  @Column({ name: "answered_at", type: "timestamptz", nullable: true })
  answeredAt!: Date | null;

  @Column({ name: "ended_at", type: "timestamptz" })
  endedAt!: Date;

  @Column({ name: "wait_seconds", type: "integer" })
  waitSeconds!: number;

  /** From answer to end (0 when never answered). */
  @Column({ name: "talk_seconds", type: "integer" })
  talkSeconds!: number;

  /** Where the telephony system keeps the recording (fetched by the gateway, never handed to browsers). */
  @Column({ name: "recording_url", type: "text", nullable: true })
  recordingUrl!: string | null;

  /** Or a recording uploaded as a stored file (platform files). */
  @Column({ name: "recording_file_id", type: "uuid", nullable: true })
  recordingFileId!: string | null;

  @Column({ type: "text", nullable: true })
  transcript!: string | null;

  /** The call-taker asked for this call to be reviewed. */
  @Index("qa_call_flagged_idx", { where: "flagged_at IS NOT NULL" })
  @Column({ name: "flagged_at", type: "timestamptz", nullable: true })
  flaggedAt!: Date | null;

  @Column({ name: "flag_reason", type: "text", nullable: true })
  flagReason!: string | null;

  @Column({ name: "reported_by_name", type: "text" })
  reportedByName!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}

/** A ticket logged with a call id (filled from intake's ticket_received events, whichever arrives first). */
@Entity({ name: "qa_call_ticket" })
@Index("qa_call_ticket_call_idx", ["callId"])
export class QaCallTicket {
  @PrimaryColumn({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "call_id", type: "text" })
  callId!: string;
}
