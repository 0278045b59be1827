import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * An administrator's decision that a day is (or is not) a working day. It wins over the official
 * data: it fills years the chinese-days package does not cover yet and corrects local exceptions.
 */
@Entity({ name: "platform_calendar_override" })
export class CalendarOverride {
  /** Civil day in the calendar's zone, YYYY-MM-DD. */
  @PrimaryColumn({ type: "date" })
  day!: string;

  @Column({ type: "boolean" })
  working!: boolean;

  /** Why, e.g. "2027 元旦" or "typhoon closure"; shown next to the day. */
  @Column({ type: "text", default: "" })
  note!: string;

  /** The admin who set it last. */
  @Column({ name: "updated_by", type: "uuid" })
  updatedBy!: string;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;
}
