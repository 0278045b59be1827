import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { JointEventKind, JointParty } from "./joint.enums.js";

/** One step of a case's own timeline. Append-only. */
@Entity({ name: "supervision_joint_event" })
@Index("supervision_joint_event_case_idx", ["caseId", "at"])
export class JointCaseEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ type: "timestamptz" })
  at!: Date;

  @Column({ type: "text" })
  kind!: JointEventKind;

  @Column({ type: "text", nullable: true })
  party!: JointParty | null;

  @Column({ name: "actor_name", type: "text" })
  actorName!: string;

  @Column({ type: "text", nullable: true })
  text!: string | null;
}
