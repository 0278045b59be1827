import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One return call an agent made for a missed call (append-only). */
@Entity({ name: "callback_missed_call_attempt" })
@Index("callback_missed_call_attempt_call_idx", ["missedCallId", "at"])
export class MissedCallAttempt {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "missed_call_id", type: "uuid" })
  missedCallId!: string;

  @Column({ type: "timestamptz" })
  at!: Date;

  @Column({ name: "agent_id", type: "uuid" })
  agentId!: string;

  @Column({ name: "agent_name", type: "text" })
  agentName!: string;

  @Column({ type: "boolean" })
  reached!: boolean;

  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Column({ name: "ticket_id", type: "uuid", nullable: true })
  ticketId!: string | null;
}
