import { Column, Entity, Index } from "typeorm";
import { CallAttemptRecord } from "../shared/call-columns.js";

/** One call an agent made for a task (append-only). */
@Entity({ name: "callback_attempt" })
@Index("callback_attempt_task_idx", ["taskId", "at"])
export class CallbackAttempt extends CallAttemptRecord {
  @Column({ name: "task_id", type: "uuid" })
  taskId!: string;
}
