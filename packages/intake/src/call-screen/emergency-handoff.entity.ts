import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { EmergencyService } from "./call-screen.enums.js";

/** A hand-off of an emergency to 110/119/120/122: who, when, the service's reference and the checklist done. */
@Entity({ name: "intake_emergency_handoff" })
@Index("intake_emergency_handoff_ticket_idx", ["ticketId", "handedOffAt"])
export class EmergencyHandoff {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ type: "text" })
  service!: EmergencyService;

  /** The reference number the emergency service gave. */
  @Column({ type: "text" })
  reference!: string;

  /** The checklist items the call-taker went through, in order. */
  @Column({ type: "jsonb" })
  checklist!: string[];

  @Column({ name: "handed_off_at", type: "timestamptz" })
  handedOffAt!: Date;

  @Column({ name: "handed_off_by_id", type: "uuid", nullable: true })
  handedOffById!: string | null;

  /** Name at the time of the hand-off. */
  @Column({ name: "handed_off_by", type: "text" })
  handedOffBy!: string;
}
