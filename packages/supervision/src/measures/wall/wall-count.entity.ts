import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Counters of the wallboard that no other module keeps, written only by the database: a trigger on
 * callback_task (migration Wallboard) moves `callbacks_waiting` in the same transaction as the task
 * opens or closes, so the wall reads one row instead of counting the queue.
 */
@Entity({ name: "supervision_wall_count" })
export class WallCount {
  @PrimaryColumn({ type: "text" })
  key!: string;

  @Column({ type: "integer", default: 0 })
  count!: number;
}

/** The counter of open callback tasks. */
export const CALLBACKS_WAITING_KEY = "callbacks_waiting";
