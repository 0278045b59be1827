import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Where an appeal stands. */
export enum QaAppealState {
  PENDING = "PENDING",
  UPHELD = "UPHELD",
  REJECTED = "REJECTED",
}

/** A call-taker's appeal (申诉) of a score: once per inspection, decided by the lead of their team. */
@Entity({ name: "qa_appeal" })
@Index("qa_appeal_taker_idx", ["callTakerId", "filedAt"])
@Index("qa_appeal_pending_idx", ["filedAt"], { where: "state = 'PENDING'" })
export class QaAppeal {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** One appeal per inspection. */
  @Index("qa_appeal_inspection_key", { unique: true })
  @Column({ name: "inspection_id", type: "uuid" })
  inspectionId!: string;

  @Column({ name: "call_taker_id", type: "uuid" })
  callTakerId!: string;

  @Column({ type: "text" })
  reason!: string;

  @Column({ name: "filed_at", type: "timestamptz" })
  filedAt!: Date;

  @Column({ name: "filed_by_name", type: "text" })
  filedByName!: string;

  @Column({ type: "text" })
  state!: QaAppealState;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decided_by_id", type: "uuid", nullable: true })
  decidedById!: string | null;

  @Column({ name: "decided_by_name", type: "text", nullable: true })
  decidedByName!: string | null;

  @Column({ name: "decision_note", type: "text", nullable: true })
  decisionNote!: string | null;
}
