import { Column, Entity, PrimaryColumn } from "typeorm";

/** Where a periodic job's run for one period stands. `abandoned`: its instance died mid-run. */
export type ScheduleRunStatus = "running" | "succeeded" | "failed" | "abandoned";

/**
 * One periodic job's run for one period. The primary key (job, period start) makes the claim: the
 * instance whose insert succeeds runs that period, every other instance skips it.
 */
@Entity({ name: "platform_schedule_run" })
export class ScheduleRun {
  @PrimaryColumn({ type: "text" })
  job!: string;

  /** The period's start: a whole multiple of the job's interval since the epoch. */
  @PrimaryColumn({ name: "period_start", type: "timestamptz" })
  periodStart!: Date;

  /** The instance that claimed it (host:pid unless named). */
  @Column({ name: "claimed_by", type: "text" })
  claimedBy!: string;

  @Column({ type: "text", default: "running" })
  status!: ScheduleRunStatus;

  @Column({ name: "started_at", type: "timestamptz" })
  startedAt!: Date;

  @Column({ name: "finished_at", type: "timestamptz", nullable: true })
  finishedAt!: Date | null;

  /** The failure's message when `status` is `failed`. */
  @Column({ type: "text", nullable: true })
  error!: string | null;
}
