import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** A rule as it was saved at one version: who changed what, when. Append-only. */
@Entity({ name: "routing_dispatch_rule_version" })
@Index("routing_dispatch_rule_version_key", ["ruleId", "version"], { unique: true })
export class DispatchRuleVersion {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "rule_id", type: "uuid" })
  ruleId!: string;

  @Column({ type: "integer" })
  version!: number;

  @Column({ name: "category_id", type: "uuid", nullable: true })
  categoryId!: string | null;

  @Column({ name: "area_id", type: "uuid", nullable: true })
  areaId!: string | null;

  @Column({ name: "request_type", type: "text", nullable: true })
  requestType!: string | null;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  keywords!: string[];

  @Column({ name: "lead_unit_id", type: "uuid" })
  leadUnitId!: string;

  @Column({ name: "assisting_unit_ids", type: "uuid", array: true, default: () => "'{}'" })
  assistingUnitIds!: string[];

  @Column({ name: "auto_dispatch", type: "boolean", default: false })
  autoDispatch!: boolean;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;

  @Column({ name: "updated_by_id", type: "uuid", nullable: true })
  updatedById!: string | null;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
