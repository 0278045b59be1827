import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { RuleProposalStatus } from "./joint.enums.js";

/**
 * A dispatch-catalogue rule the complaint centre proposed with a decision on a new kind of case:
 * tickets of this category (in this area, mentioning these words) go to the decided unit from now
 * on. An admin accepts it (routing's saveDispatchRule creates the rule) or rejects it.
 */
@Entity({ name: "supervision_joint_rule_proposal" })
@Index("supervision_joint_rule_proposal_status_idx", ["status", "proposedAt"])
@Index("supervision_joint_rule_proposal_case_key", ["caseId"], { unique: true })
export class JointRuleProposal {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ name: "category_id", type: "uuid" })
  categoryId!: string;

  @Column({ name: "area_id", type: "uuid", nullable: true })
  areaId!: string | null;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  keywords!: string[];

  @Column({ name: "lead_unit_id", type: "uuid" })
  leadUnitId!: string;

  @Column({ type: "text" })
  status!: RuleProposalStatus;

  @Column({ name: "proposed_at", type: "timestamptz" })
  proposedAt!: Date;

  @Column({ name: "proposed_by_name", type: "text" })
  proposedByName!: string;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decided_by_name", type: "text", nullable: true })
  decidedByName!: string | null;

  @Column({ name: "decision_note", type: "text", nullable: true })
  decisionNote!: string | null;

  /** The catalogue rule created on acceptance. */
  @Column({ name: "rule_id", type: "uuid", nullable: true })
  ruleId!: string | null;
}
