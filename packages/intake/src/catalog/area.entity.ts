import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export type AreaLevelValue = "CITY" | "DISTRICT" | "TOWNSHIP";

/** An administrative division: the city, its districts/counties and their townships/streets. */
@Entity({ name: "intake_area" })
export class Area {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The national administrative division code (GB/T 2260 and its township extension). */
  @Index("intake_area_code_key", { unique: true })
  @Column({ type: "text" })
  code!: string;

  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Column({ name: "name_en", type: "text", nullable: true })
  nameEn!: string | null;

  @Column({ type: "text" })
  level!: AreaLevelValue;

  @Index("intake_area_parent_idx")
  @Column({ name: "parent_id", type: "uuid", nullable: true })
  parentId!: string | null;
}
