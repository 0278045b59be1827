import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** A seat (workstation) of the centre, named as the telephony system names it (e.g. A01). */
@Entity({ name: "qa_seat" })
export class QaSeat {
  @PrimaryColumn({ type: "text" })
  code!: string;

  @Column({ type: "text" })
  name!: string;

  @Column({ type: "boolean", default: true })
  active!: boolean;
}

/** Who sits at which seat from when to when (a roster entry); seats are shared across shifts. */
@Entity({ name: "qa_shift" })
@Index("qa_shift_seat_idx", ["seatCode", "startsAt"])
@Index("qa_shift_user_idx", ["userId", "startsAt"])
export class QaShift {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "seat_code", type: "text" })
  seatCode!: string;

  /** The call-taker (platform_user.id). */
  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @Column({ name: "starts_at", type: "timestamptz" })
  startsAt!: Date;

  @Column({ name: "ends_at", type: "timestamptz" })
  endsAt!: Date;

  @Column({ name: "created_by_name", type: "text" })
  createdByName!: string;
}
