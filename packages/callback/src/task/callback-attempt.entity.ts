import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One call an agent made for a task (append-only). */
@Entity({ name: "callback_attempt" })
@Index("callback_attempt_task_idx", ["taskId", "at"])
export class CallbackAttempt {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "task_id", type: "uuid" })
  taskId!: string;

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
}
