import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { OrderAction, OrderLevel } from "./order.enums.js";

/** One step of an order's own timeline. Append-only. */
@Entity({ name: "supervision_order_event" })
@Index("supervision_order_event_order_idx", ["orderId", "id"])
export class SupervisionOrderEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "order_id", type: "uuid" })
  orderId!: string;

  @Column({ type: "timestamptz" })
  at!: Date;

  @Column({ type: "text" })
  action!: OrderAction;

  /** The order's level after the step. */
  @Column({ type: "text" })
  level!: OrderLevel;

  /** Who did it; "system" for the escalation timer and the automatic reminder. */
  @Column({ name: "actor_name", type: "text" })
  actorName!: string;

  /** The reason, the answer or the note that came with the step. */
  @Column({ type: "text", nullable: true })
  note!: string | null;

  /** The response deadline after the step (issue, escalation, send-back); the expected finish for an answer. */
  @Column({ name: "due_at", type: "timestamptz", nullable: true })
  dueAt!: Date | null;

  /** Whether the step happened by itself (escalation timer, automatic reminder). */
  @Column({ type: "boolean", default: false })
  automatic!: boolean;
}
