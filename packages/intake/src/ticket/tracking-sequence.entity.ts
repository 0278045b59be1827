import { Column, Entity, PrimaryColumn } from "typeorm";

/** The last tracking-number sequence issued per day (Asia/Shanghai calendar day). */
@Entity({ name: "intake_tracking_sequence" })
export class TrackingSequence {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @Column({ name: "last_value", type: "integer" })
  lastValue!: number;
}
