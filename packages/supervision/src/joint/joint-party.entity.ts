import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { JointParty } from "./joint.enums.js";

/**
 * One party of a case, written when the case opens with the unit that speaks for it (the case's
 * membership: a handler of that unit sees the case), and its opinion once recorded.
 */
@Entity({ name: "supervision_joint_party" })
@Index("supervision_joint_party_unit_idx", ["unitId", "caseId"])
export class JointCaseParty {
  @PrimaryColumn({ name: "case_id", type: "uuid" })
  caseId!: string;

  @PrimaryColumn({ type: "text" })
  party!: JointParty;

  @Column({ name: "unit_id", type: "uuid" })
  unitId!: string;

  @Column({ type: "text", nullable: true })
  opinion!: string | null;

  /** The unit this party holds responsible, if it names one. */
  @Column({ name: "proposed_unit_id", type: "uuid", nullable: true })
  proposedUnitId!: string | null;

  @Column({ name: "recorded_at", type: "timestamptz", nullable: true })
  recordedAt!: Date | null;

  @Column({ name: "recorded_by_id", type: "uuid", nullable: true })
  recordedById!: string | null;

  @Column({ name: "recorded_by_name", type: "text", nullable: true })
  recordedByName!: string | null;
}
