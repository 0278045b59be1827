import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A durable timer: fires its type's handler once it is due, on one instance, after restarts too.
 * `key` names the logical timer (`ticket:<id>:overdue`): scheduling the same key again re-arms it.
 */
@Entity({ name: "platform_timer" })
@Index("platform_timer_pending_idx", ["availableAt"], { where: "fired_at IS NULL" })
export class DurableTimer {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ type: "text", unique: true })
  key!: string;

  @Column({ type: "text" })
  type!: string;

  @Column({ type: "jsonb" })
  payload!: Record<string, unknown>;

  /** When the caller wants it to fire (a deadline, a warning threshold). */
  @Column({ name: "due_at", type: "timestamptz" })
  dueAt!: Date;

  /** When it may run next: `due_at`, or later after a failed attempt (back-off). */
  @Column({ name: "available_at", type: "timestamptz" })
  availableAt!: Date;

  /** Set in the same transaction as the handler's own writes: its effect happened. */
  @Column({ name: "fired_at", type: "timestamptz", nullable: true })
  firedAt!: Date | null;

  /** Failed attempts since it was last scheduled. */
  @Column({ type: "integer", default: 0 })
  attempts!: number;

  @Column({ name: "last_error", type: "text", nullable: true })
  lastError!: string | null;

  /** Bumped on every (re-)schedule, so a firing that raced with a re-schedule does not mark the new one fired. */
  @Column({ type: "integer", default: 1 })
  revision!: number;

  @Column({ name: "created_at", type: "timestamptz", default: () => "now()" })
  createdAt!: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;
}
