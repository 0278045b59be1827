import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * Time limits (SLA) for tickets of a request type × category × urgency; null dimensions match
 * everything and the most specific matching policy wins (see sla-matching.ts). Limits are working
 * minutes (450 = one working day), or elapsed minutes when `aroundTheClock`.
 */
@Entity({ name: "routing_sla_policy" })
export class SlaPolicy {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** Intake's request type value; null: every type. */
  @Column({ name: "request_type", type: "text", nullable: true })
  requestType!: string | null;

  /** A category leaf or group; null: every category. */
  @Column({ name: "category_id", type: "uuid", nullable: true })
  categoryId!: string | null;

  /** Intake's urgency value; null: every urgency. */
  @Column({ type: "text", nullable: true })
  urgency!: string | null;

  /** From receipt to dispatch (0: at once). */
  @Column({ name: "dispatch_minutes", type: "integer" })
  dispatchMinutes!: number;

  /** From dispatch to the unit signing for it. */
  @Column({ name: "sign_for_minutes", type: "integer" })
  signForMinutes!: number;

  /** From dispatch to the reply. */
  @Column({ name: "completion_minutes", type: "integer" })
  completionMinutes!: number;

  /** Share of the completion limit after which the ticket is near due. */
  @Column({ name: "near_due_percent", type: "integer", default: 80 })
  nearDuePercent!: number;

  /** Emergencies run on the clock, nights and holidays included. */
  @Column({ name: "around_the_clock", type: "boolean", default: false })
  aroundTheClock!: boolean;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
