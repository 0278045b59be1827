import { Column, Entity, PrimaryColumn } from "typeorm";

/** A team lead's notes on a week's review (每周一点评), one per team and week. */
@Entity({ name: "qa_weekly_note" })
export class QaWeeklyNote {
  @PrimaryColumn({ name: "team_id", type: "uuid" })
  teamId!: string;

  /** The Monday the week starts on (Asia/Shanghai). */
  @PrimaryColumn({ name: "week_start", type: "date" })
  weekStart!: string;

  @Column({ type: "text" })
  notes!: string;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
