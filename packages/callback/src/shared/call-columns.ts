import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/**
 * What every call to be made (a callback task, a missed call to return) keeps: when it is due, its
 * tries and retry rule (copied from the settings when it is created) and when it was closed. The
 * entities extend it; each has its own table.
 */
export abstract class CallToMake {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** When the call must have been made, in working time from when the need arose. */
  @Column({ name: "due_at", type: "timestamptz" })
  dueAt!: Date;

  /** Not before this may a not-reached call be tried again; null = now. */
  @Column({ name: "next_attempt_at", type: "timestamptz", nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ type: "integer", default: 0 })
  attempts!: number;

  @Column({ name: "max_tries", type: "integer" })
  maxTries!: number;

  @Column({ name: "retry_minutes", type: "integer" })
  retryMinutes!: number;

  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt!: Date | null;

  @Column({ name: "closed_by_name", type: "text", nullable: true })
  closedByName!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}

/** One call an agent made (append-only): who, when, whether the citizen answered, a note. */
export abstract class CallAttemptRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

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
