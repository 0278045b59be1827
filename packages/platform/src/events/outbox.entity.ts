import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** A domain event written in the same transaction as the change that caused it. */
@Entity({ name: "platform_outbox" })
@Index("platform_outbox_pending_idx", ["availableAt"], { where: "processed_at IS NULL" })
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ type: "text" })
  type!: string;

  @Column({ type: "jsonb" })
  payload!: Record<string, unknown>;

  @Column({ name: "actor_id", type: "uuid", nullable: true })
  actorId!: string | null;

  @Column({ name: "occurred_at", type: "timestamptz", default: () => "now()" })
  occurredAt!: Date;

  @Column({ name: "available_at", type: "timestamptz", default: () => "now()" })
  availableAt!: Date;

  @Column({ name: "processed_at", type: "timestamptz", nullable: true })
  processedAt!: Date | null;

  @Column({ type: "integer", default: 0 })
  attempts!: number;

  @Column({ name: "last_error", type: "text", nullable: true })
  lastError!: string | null;
}
