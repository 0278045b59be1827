import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { NoticeLocale, NoticeState, NoticeStep } from "./notice.enums.js";

/**
 * One text message to one citizen about one ticket event. One row per (event, phone): the outbox
 * delivers events at least once, and a second delivery inserts nothing. A durable timer sends it
 * and retries it with backoff; a failure is recorded here and in the log, never shown to the citizen.
 */
@Entity({ name: "callback_sms_notice" })
@Index("callback_sms_notice_event_phone_key", ["eventId", "phone"], { unique: true })
@Index("callback_sms_notice_ticket_idx", ["ticketId", "createdAt"])
export class SmsNotice {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The outbox event that caused it (its id as text). */
  @Column({ name: "event_id", type: "text" })
  eventId!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ type: "text" })
  step!: NoticeStep;

  /** Digits only. Never logged. */
  @Column({ type: "text" })
  phone!: string;

  /** Whether this is a co-reporter of a merged ticket (not the ticket's own citizen). */
  @Column({ name: "co_reporter", type: "boolean", default: false })
  coReporter!: boolean;

  /** The language(s) of `text`: null when sent in both (no preference given). */
  @Column({ type: "text", nullable: true })
  locale!: NoticeLocale | null;

  /** The rendered message, kept so that a retry sends the same words. */
  @Column({ type: "text" })
  text!: string;

  @Column({ type: "text" })
  state!: NoticeState;

  /** Attempts made so far. */
  @Column({ type: "integer", default: 0 })
  attempts!: number;

  /** Why the last attempt failed, without the phone or the text. */
  @Column({ name: "last_error", type: "text", nullable: true })
  lastError!: string | null;

  @Column({ name: "next_attempt_at", type: "timestamptz", nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: "sent_at", type: "timestamptz", nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
