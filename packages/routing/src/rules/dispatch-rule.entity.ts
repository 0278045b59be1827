import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A line of the dispatch catalogue (派单目录): tickets of this category in this area (and, when
 * set, of this request type and mentioning one of the keywords) go to the lead unit, helped by the
 * assisting units. Null dimensions match everything. Every change writes a version row.
 */
@Entity({ name: "routing_dispatch_rule" })
@Index("routing_dispatch_rule_category_idx", ["categoryId"])
@Index("routing_dispatch_rule_area_idx", ["areaId"])
export class DispatchRule {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** 1 when created; +1 with every saved change. */
  @Column({ type: "integer", default: 1 })
  version!: number;

  /** A category leaf or group (intake's category id); null matches every category. */
  @Column({ name: "category_id", type: "uuid", nullable: true })
  categoryId!: string | null;

  /** A township, district or the city (intake's area id); null matches everywhere. */
  @Column({ name: "area_id", type: "uuid", nullable: true })
  areaId!: string | null;

  /** Intake's request type value (e.g. "complaint"); null matches every type. */
  @Column({ name: "request_type", type: "text", nullable: true })
  requestType!: string | null;

  /** Lower-case NFC words; the rule matches when the ticket mentions any of them (none: always). */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  keywords!: string[];

  @Column({ name: "lead_unit_id", type: "uuid" })
  leadUnitId!: string;

  @Column({ name: "assisting_unit_ids", type: "uuid", array: true, default: () => "'{}'" })
  assistingUnitIds!: string[];

  /** Dispatch without a dispatcher when this rule is the one clear match. */
  @Column({ name: "auto_dispatch", type: "boolean", default: false })
  autoDispatch!: boolean;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;

  @Column({ name: "updated_by_id", type: "uuid", nullable: true })
  updatedById!: string | null;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
