import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A follow-up call (催办): the citizen called again about an open ticket and the call-taker noted
 * their words. Counted per ticket (indexed by ticket) and per unit (indexed by the lead unit at the
 * time, with the time, for the measures); the current assignment keeps a maintained count too.
 */
@Entity({ name: "routing_follow_up" })
@Index("routing_follow_up_ticket_idx", ["ticketId", "at"])
@Index("routing_follow_up_at_unit_idx", ["at", "unitId"])
export class FollowUp {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** The dispatch current at the call; null while the ticket was still at the centre. */
  @Column({ name: "assignment_id", type: "uuid", nullable: true })
  assignmentId!: string | null;

  /** The lead unit at the time; null while the ticket was still at the centre. */
  @Column({ name: "unit_id", type: "uuid", nullable: true })
  unitId!: string | null;

  @Column({ type: "text" })
  words!: string;

  /** The telephony call id, when the call came through the screen-pop. */
  @Column({ name: "call_id", type: "text", nullable: true })
  callId!: string | null;

  @Column({ name: "recorded_by_id", type: "uuid" })
  recordedById!: string;

  @Column({ name: "recorded_by_name", type: "text" })
  recordedByName!: string;

  @Column({ type: "timestamptz" })
  at!: Date;
}
