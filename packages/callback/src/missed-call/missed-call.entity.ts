import { Column, Entity, Index } from "typeorm";
import type { MissedCallState } from "../callback.enums.js";
import { CallToMake } from "../shared/call-columns.js";

/** An abandoned call reported by the telephony integration, to be returned within a limit. */
@Entity({ name: "callback_missed_call" })
@Index("callback_missed_call_queue_idx", ["state", "dueAt"])
export class MissedCall extends CallToMake {
  /** The telephony system's call id: reporting the same call again changes nothing. */
  @Index("callback_missed_call_call_id_key", { unique: true })
  @Column({ name: "call_id", type: "text" })
  callId!: string;

  /** Digits only; in full for call-takers and callback agents, masked for others. */
  @Column({ name: "caller_number", type: "text" })
  callerNumber!: string;

  @Column({ name: "abandoned_at", type: "timestamptz" })
  abandonedAt!: Date;

  @Column({ name: "waited_seconds", type: "integer", nullable: true })
  waitedSeconds!: number | null;

  /** The line or queue the call came in on, as the telephony system names it. */
  @Column({ type: "text", nullable: true })
  line!: string | null;

  @Column({ name: "reported_by_name", type: "text" })
  reportedByName!: string;

  @Column({ type: "text" })
  state!: MissedCallState;

  /** A ticket logged or found during the return call. */
  @Column({ name: "ticket_id", type: "uuid", nullable: true })
  ticketId!: string | null;
}
