import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export type UnitKindValue = "CITY_CENTRE" | "BUREAU" | "DISTRICT_GOVERNMENT" | "TOWNSHIP_OFFICE" | "OTHER";

/** A handling unit (承办单位): a bureau, a district/county government or a township/street office. */
@Entity({ name: "routing_unit" })
export class Unit {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("routing_unit_code_key", { unique: true })
  @Column({ type: "text" })
  code!: string;

  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Column({ name: "name_en", type: "text" })
  nameEn!: string;

  @Column({ type: "text" })
  kind!: UnitKindValue;

  /** The area of jurisdiction (intake's area id). */
  @Index("routing_unit_area_idx")
  @Column({ name: "area_id", type: "uuid", nullable: true })
  areaId!: string | null;

  @Column({ name: "parent_id", type: "uuid", nullable: true })
  parentId!: string | null;

  @Column({ name: "contact_phone", type: "text", nullable: true })
  contactPhone!: string | null;

  @Column({ type: "boolean", default: true })
  active!: boolean;
}
