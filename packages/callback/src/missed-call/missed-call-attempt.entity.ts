import { Column, Entity, Index } from "typeorm";
import { CallAttemptRecord } from "../shared/call-columns.js";

/** One return call an agent made for a missed call (append-only). */
@Entity({ name: "callback_missed_call_attempt" })
@Index("callback_missed_call_attempt_call_idx", ["missedCallId", "at"])
export class MissedCallAttempt extends CallAttemptRecord {
  @Column({ name: "missed_call_id", type: "uuid" })
  missedCallId!: string;

  @Column({ name: "ticket_id", type: "uuid", nullable: true })
  ticketId!: string | null;
}
